package net.fsgateway.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads {@code conf/gateway.json} (or the file named by {@code GW_CONFIG}) and the {@code GW_*} environment. */
public final class ConfigLoader {
  public static final Path DEFAULT_FILE = Path.of("conf", "gateway.json");

  private ConfigLoader() {
  }

  public static GatewayConfig load() {
    return load(System.getenv());
  }

  /** The file named by {@code GW_CONFIG} (which must exist), else {@code conf/gateway.json} if present. */
  public static GatewayConfig load(Map<String, String> env) {
    if (env.containsKey("GW_CONFIG")) {
      Path named = Path.of(env.get("GW_CONFIG"));
      if (!Files.exists(named)) {
        throw new ConfigException("GW_CONFIG names " + named + ", which does not exist");
      }
      return load(named, env);
    }
    return load(DEFAULT_FILE, env);
  }

  public static GatewayConfig load(Path file, Map<String, String> env) {
    return GatewayConfig.from(new ConfigSource(readJson(file), env));
  }

  /**
   * Every key the code reads, with its built-in default (no file, no environment): what the configuration reference
   * and the Kubernetes manifests are checked against.
   */
  public static ConfigSource builtInDefaults() {
    ConfigSource source = new ConfigSource(new JsonObject(), Map.of());
    GatewayConfig.from(source);
    return source;
  }

  private static JsonObject readJson(Path file) {
    if (!Files.exists(file)) {
      return new JsonObject();
    }
    try {
      return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | DecodeException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
