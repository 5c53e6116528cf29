package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/**
 * The management listener: health probes and {@code /metrics}, on a port of its own so that resellers, who reach
 * only the XML-RPC port, never see them, and a NetworkPolicy can open it to the monitoring namespace alone.
 */
public record ManagementConfig(String host, int port) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 9090;

  public ManagementConfig {
    require(host != null && !host.isBlank(), "management.host must not be empty");
    require(port >= 0 && port <= 65535, "management.port must be 0..65535");
  }

  static ManagementConfig from(ConfigSource s) {
    return new ManagementConfig(s.string("management.host", DEFAULT_HOST), s.integer("management.port", DEFAULT_PORT));
  }

  public ManagementConfig withListener(String newHost, int newPort) {
    return new ManagementConfig(newHost, newPort);
  }
}
