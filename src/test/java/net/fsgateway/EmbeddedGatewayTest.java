package net.fsgateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.fsgateway.bus.Codecs;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.infra.Backends;
import net.fsgateway.infra.FreePorts;
import net.fsgateway.infra.StartedBackends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: nothing configured, so the gateway runs on its own embedded PostgreSQL and Redis
 * and makes its own card key in the data directory (an external database would require one).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EmbeddedGatewayTest {
  @Test
  void startsWithNothingConfigured(@TempDir Path dataDir) throws Exception {
    GatewayConfig cfg = ConfigLoader.load(Path.of("none.json"), Map.of(
        "GW_EMBEDDED_DATA_DIR", dataDir.toString(),
        "GW_EMBEDDED_PG_PORT", String.valueOf(FreePorts.pick()),
        "GW_EMBEDDED_REDIS_PORT", String.valueOf(FreePorts.pick()),
        "GW_HTTP_HOST", "127.0.0.1",
        "GW_HTTP_PORT", String.valueOf(FreePorts.pick())));
    try (StartedBackends backends = Backends.start(cfg)) {
      assertThat(backends.config().pg().embedded()).as("still the gateway's own database once started").isTrue();
      Vertx vertx = Vertx.vertx();
      Codecs.registerAll(vertx.eventBus());
      try {
        Gateway.deploy(vertx, backends.config()).await(60, TimeUnit.SECONDS);
        assertThat(dataDir.resolve("card.key")).exists();
      } finally {
        vertx.close().await(30, TimeUnit.SECONDS);
      }
    }
  }
}
