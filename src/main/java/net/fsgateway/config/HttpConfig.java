package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/**
 * The XML-RPC listener. {@code instances} 0 means one HTTP verticle per core. {@code requestTimeoutSeconds} bounds
 * how long one request body may take to arrive (the idle timeout alone lets a client trickle a byte at a time
 * forever); {@code maxConnections} caps open connections over all instances, so held-open sockets cannot exhaust
 * file descriptors.
 */
public record HttpConfig(String host, int port, int instances, int idleTimeoutSeconds, int requestTimeoutSeconds,
                         int maxConnections, boolean compression, boolean tls, String tlsCertPath,
                         String tlsKeyPath) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 30;
  public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;
  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

  public HttpConfig {
    require(port >= 0 && port <= 65535, "http.port must be 0..65535");
    require(instances >= 0, "http.instances must be >= 0");
    require(idleTimeoutSeconds > 0, "http.idleTimeoutSeconds must be > 0");
    require(requestTimeoutSeconds > 0, "http.requestTimeoutSeconds must be > 0");
    require(maxConnections > 0, "http.maxConnections must be > 0");
    require(!tls || (!tlsCertPath.isBlank() && !tlsKeyPath.isBlank()),
        "http.tls needs http.tlsCertPath and http.tlsKeyPath");
  }

  static HttpConfig from(ConfigSource s) {
    return new HttpConfig(
        s.string("http.host", DEFAULT_HOST),
        s.integer("http.port", DEFAULT_PORT),
        s.integer("http.instances", 0),
        s.integer("http.idleTimeoutSeconds", DEFAULT_IDLE_TIMEOUT_SECONDS),
        s.integer("http.requestTimeoutSeconds", DEFAULT_REQUEST_TIMEOUT_SECONDS),
        s.integer("http.maxConnections", DEFAULT_MAX_CONNECTIONS),
        s.bool("http.compression", true),
        s.bool("http.tls", false),
        s.string("http.tlsCertPath", ""),
        s.string("http.tlsKeyPath", ""));
  }

  public int effectiveInstances() {
    return instances == 0 ? Runtime.getRuntime().availableProcessors() : instances;
  }

  /** The connections one instance may hold: the cap shared evenly, rounded up so the total is never below it. */
  public int maxConnectionsPerInstance() {
    int n = effectiveInstances();
    return (maxConnections + n - 1) / n;
  }

  public HttpConfig withListener(String newHost, int newPort, int newInstances) {
    return new HttpConfig(newHost, newPort, newInstances, idleTimeoutSeconds, requestTimeoutSeconds, maxConnections,
        compression, tls, tlsCertPath, tlsKeyPath);
  }

  public HttpConfig withTimeouts(int idleSeconds, int requestSeconds) {
    return new HttpConfig(host, port, instances, idleSeconds, requestSeconds, maxConnections, compression, tls,
        tlsCertPath, tlsKeyPath);
  }

  public HttpConfig withMaxConnections(int value) {
    return new HttpConfig(host, port, instances, idleTimeoutSeconds, requestTimeoutSeconds, value, compression, tls,
        tlsCertPath, tlsKeyPath);
  }

  public HttpConfig withTls(String certPath, String keyPath) {
    return new HttpConfig(host, port, instances, idleTimeoutSeconds, requestTimeoutSeconds, maxConnections,
        compression, true, certPath, keyPath);
  }
}
