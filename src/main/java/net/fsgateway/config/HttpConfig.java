package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/** The XML-RPC listener. {@code instances} 0 means one HTTP verticle per core. */
public record HttpConfig(String host, int port, int instances, int idleTimeoutSeconds, boolean compression,
                         boolean tls, String tlsCertPath, String tlsKeyPath) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 30;

  public HttpConfig {
    require(port >= 0 && port <= 65535, "http.port must be 0..65535");
    require(instances >= 0, "http.instances must be >= 0");
    require(idleTimeoutSeconds > 0, "http.idleTimeoutSeconds must be > 0");
    require(!tls || (!tlsCertPath.isBlank() && !tlsKeyPath.isBlank()),
        "http.tls needs http.tlsCertPath and http.tlsKeyPath");
  }

  static HttpConfig from(ConfigSource s) {
    return new HttpConfig(
        s.string("http.host", DEFAULT_HOST),
        s.integer("http.port", DEFAULT_PORT),
        s.integer("http.instances", 0),
        s.integer("http.idleTimeoutSeconds", DEFAULT_IDLE_TIMEOUT_SECONDS),
        s.bool("http.compression", true),
        s.bool("http.tls", false),
        s.string("http.tlsCertPath", ""),
        s.string("http.tlsKeyPath", ""));
  }

  public int effectiveInstances() {
    return instances == 0 ? Runtime.getRuntime().availableProcessors() : instances;
  }
}
