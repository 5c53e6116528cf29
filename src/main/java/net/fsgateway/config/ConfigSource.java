package net.fsgateway.config;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * Looks up one setting by its dotted key ({@code pg.poolSize}): first the environment variable derived from the
 * key ({@code GW_PG_POOL_SIZE}), then the JSON file, then the caller's default. One rule for every key, so an
 * operator (or a Kubernetes manifest) can override anything without a code change.
 */
public final class ConfigSource {
  private final JsonObject file;
  private final Map<String, String> env;

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
    String fromEnv = env.get(envName(key));
    if (fromEnv != null) {
      return fromEnv;
    }
    Object fromFile = lookup(key);
    return fromFile == null ? defaultValue : fromFile.toString();
  }

  public int integer(String key, int defaultValue) {
    String text = string(key, null);
    if (text == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, got '" + text + "'");
    }
  }

  public boolean bool(String key, boolean defaultValue) {
    String text = string(key, null);
    if (text == null) {
      return defaultValue;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new ConfigException(key + " must be true or false, got '" + text + "'");
    };
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
