package net.fsgateway.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.PgConfig;
import net.fsgateway.config.Redaction;
import net.fsgateway.config.RedisConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BackendsTest {

  @Test
  void embeddedBackendsKeepTheirDataAcrossRestarts(@TempDir Path dataDir) throws Exception {
    GatewayConfig cfg = ConfigLoader.load(Path.of("none.json"), Map.of(
        "GW_EMBEDDED_DATA_DIR", dataDir.toString(),
        "GW_EMBEDDED_PG_PORT", String.valueOf(FreePorts.pick()),
        "GW_EMBEDDED_REDIS_PORT", String.valueOf(FreePorts.pick())));

    try (StartedBackends first = Backends.start(cfg)) {
      assertThat(first.freshDatabase()).isTrue();
      assertThat(first.config().pg().host()).isEqualTo("127.0.0.1");
      assertThat(first.config().pg().port()).isEqualTo(cfg.embedded().pgPort());
      assertThat(first.config().redis().url()).isEqualTo("redis://127.0.0.1:" + cfg.embedded().redisPort());
      assertThat(FreePorts.answers("127.0.0.1", cfg.embedded().redisPort(), 500)).isTrue();
      sql(first.config().pg(), "INSERT INTO part_pkg (pkg) VALUES ('kept')");
    }
    assertThat(FreePorts.answers("127.0.0.1", cfg.embedded().pgPort(), 300)).isFalse();
    assertThat(FreePorts.answers("127.0.0.1", cfg.embedded().redisPort(), 300)).isFalse();

    try (StartedBackends second = Backends.start(cfg)) {
      assertThat(second.freshDatabase()).isFalse();
      assertThat(sql(second.config().pg(), "SELECT pkg FROM part_pkg")).isEqualTo("kept");
    }
    assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    assertThat(dataDir.resolve("redis")).isDirectory();
  }

  @Test
  void unreachableExternalPostgresFailsFastWithTheSettingToCheck() {
    int closed = FreePorts.pick();
    GatewayConfig cfg = ConfigLoader.load(Path.of("none.json"), Map.of(
        "GW_PG_HOST", "127.0.0.1", "GW_PG_PORT", String.valueOf(closed), "GW_PG_PASSWORD", "s3cret",
        "GW_PG_CONNECT_TIMEOUT_MS", "500", "GW_REDIS_URL", "redis://127.0.0.1:1"));
    assertThatThrownBy(() -> Backends.start(cfg))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("PostgreSQL at 127.0.0.1:" + closed + " does not answer")
        .hasMessageContaining("pg.host")
        .message().doesNotContain("s3cret");
  }

  @Test
  void redisUrlIsRedactedInMessages() {
    assertThat(Redaction.url("redis://user:pw@host:6379/0")).isEqualTo("redis://***@host:6379/0");
    assertThat(Redaction.url("redis://:p@ss/w0rd@host:6379")).isEqualTo("redis://***@host:6379");
    assertThat(Redaction.url("redis://host:6379")).isEqualTo("redis://host:6379");
    assertThat(new RedisConfig("redis://:s3cret@host:6379", 8, 8).toString()).doesNotContain("s3cret");
  }

  @Test
  void aMalformedRedisUrlIsRefusedWithoutItsPassword() {
    GatewayConfig cfg = ConfigLoader.load(Path.of("does-not-exist.json"),
        Map.of("GW_PG_HOST", "127.0.0.1", "GW_REDIS_URL", "redis://:s3cret@[bad"));
    assertThatThrownBy(() -> Backends.start(cfg)).satisfies(e -> {
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cret");
      }
    });
  }

  private static String sql(PgConfig pg, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
         Statement s = c.createStatement()) {
      if (!s.execute(statement)) {
        return null;
      }
      try (ResultSet r = s.getResultSet()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }
}
