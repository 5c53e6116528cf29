package net.fsgateway.config;

/** Whether the gateway measures itself (Micrometer, served as Prometheus text on the management port). */
public record MetricsConfig(boolean enabled) {
  static MetricsConfig from(ConfigSource s) {
    return new MetricsConfig(s.bool("metrics.enabled", true));
  }
}
