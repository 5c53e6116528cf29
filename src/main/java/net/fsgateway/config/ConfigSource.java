package net.fsgateway.config;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Looks up one setting by its dotted key ({@code pg.poolSize}): first the environment variable derived from the
 * key ({@code GW_PG_POOL_SIZE}), then the JSON file, then the caller's default. One rule for every key, so an
 * operator (or a Kubernetes manifest) can override anything without a code change. It remembers every key looked
 * up and the value it gave, so tests can hold the configuration reference and the manifests to the keys the code
 * really reads (config records therefore read every key of theirs unconditionally).
 */
public final class ConfigSource {
  private final JsonObject file;
  private final Map<String, String> env;
  private final Map<String, String> read = new LinkedHashMap<>();

  public ConfigSource(JsonObject file, Map<String, String> env) {
    this.file = file;
    this.env = env;
  }

  /** {@code pg.poolSize} → {@code GW_PG_POOL_SIZE}. */
  public static String envName(String key) {
    StringBuilder out = new StringBuilder("GW_");
    for (char c : key.toCharArray()) {
      if (c == '.') {
        out.append('_');
      } else if (Character.isUpperCase(c)) {
        out.append('_').append(c);
      } else {
        out.append(Character.toUpperCase(c));
      }
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  public String string(String key, String defaultValue) {
    String value = raw(key);
    return remember(key, value == null ? defaultValue : value);
  }

  public int integer(String key, int defaultValue) {
    String text = raw(key);
    if (text == null) {
      return remember(key, defaultValue);
    }
    try {
      return remember(key, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, got '" + text + "'");
    }
  }

  public boolean bool(String key, boolean defaultValue) {
    String text = raw(key);
    if (text == null) {
      return remember(key, defaultValue);
    }
    return remember(key, switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new ConfigException(key + " must be true or false, got '" + text + "'");
    });
  }

  /** Every key looked up so far, in the order the records read them. */
  public Set<String> keysRead() {
    return Collections.unmodifiableSet(read.keySet());
  }

  /** The value a key resolved to (environment, file or default), as text; null if it was never read. */
  public String valueRead(String key) {
    return read.get(key);
  }

  private String raw(String key) {
    String fromEnv = env.get(envName(key));
    if (fromEnv != null) {
      return fromEnv;
    }
    Object fromFile = lookup(key);
    return fromFile == null ? null : fromFile.toString();
  }

  private <T> T remember(String key, T value) {
    read.put(key, value == null ? null : String.valueOf(value));
    return value;
  }

  private Object lookup(String key) {
    JsonObject node = file;
    String[] parts = key.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      Object child = node.getValue(parts[i]);
      if (!(child instanceof JsonObject object)) {
        return null;
      }
      node = object;
    }
    return node.getValue(parts[parts.length - 1]);
  }
}
