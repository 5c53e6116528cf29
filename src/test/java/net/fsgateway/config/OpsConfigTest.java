package net.fsgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operations settings: their defaults, their environment variables, and invalid values naming their key. */
class OpsConfigTest {

  @Test
  void defaults() {
    GatewayConfig config = load(Map.of());
    assertThat(config.management()).isEqualTo(new ManagementConfig("0.0.0.0", 9090));
    assertThat(config.shutdown()).isEqualTo(new ShutdownConfig(5, 20));
    assertThat(config.metrics().enabled()).isTrue();
    assertThat(config.log()).isEqualTo(new LogConfig(LogConfig.Format.PLAIN, true));
    assertThat(config.startup().backendWaitSeconds()).isEqualTo(60);
  }

  @Test
  void environmentSetsEachOne() {
    GatewayConfig config = load(Map.of("GW_MANAGEMENT_PORT", "9191", "GW_MANAGEMENT_HOST", "127.0.0.1",
        "GW_SHUTDOWN_DRAIN_DELAY_SECONDS", "0", "GW_SHUTDOWN_GRACE_SECONDS", "7", "GW_METRICS_ENABLED", "false",
        "GW_LOG_FORMAT", "JSON", "GW_LOG_ACCESS", "off", "GW_STARTUP_BACKEND_WAIT_SECONDS", "0"));
    assertThat(config.management()).isEqualTo(new ManagementConfig("127.0.0.1", 9191));
    assertThat(config.shutdown()).isEqualTo(new ShutdownConfig(0, 7));
    assertThat(config.metrics().enabled()).isFalse();
    assertThat(config.log()).isEqualTo(new LogConfig(LogConfig.Format.JSON, false));
    assertThat(config.startup().backendWaitSeconds()).isZero();
  }

  @Test
  void invalidValuesNameTheirKey() {
    assertThatThrownBy(() -> load(Map.of("GW_MANAGEMENT_PORT", "70000"))).hasMessageContaining("management.port");
    assertThatThrownBy(() -> load(Map.of("GW_SHUTDOWN_GRACE_SECONDS", "5")))
        .hasMessageContaining("shutdown.graceSeconds");
    assertThatThrownBy(() -> load(Map.of("GW_SHUTDOWN_DRAIN_DELAY_SECONDS", "-1")))
        .hasMessageContaining("shutdown.drainDelaySeconds");
    assertThatThrownBy(() -> load(Map.of("GW_LOG_FORMAT", "xml"))).hasMessageContaining("log.format");
    assertThatThrownBy(() -> load(Map.of("GW_STARTUP_BACKEND_WAIT_SECONDS", "-3")))
        .hasMessageContaining("startup.backendWaitSeconds");
    assertThatThrownBy(() -> load(Map.of("GW_METRICS_ENABLED", "maybe"))).hasMessageContaining("metrics.enabled");
  }

  private static GatewayConfig load(Map<String, String> env) {
    return ConfigLoader.load(Path.of("does-not-exist.json"), env);
  }
}
