package net.fsgateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.PgConfig;
import net.fsgateway.config.RedisConfig;
import net.fsgateway.infra.Migrations;
import net.fsgateway.infra.PgPools;
import net.fsgateway.infra.RedisClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fresh-machine path: embedded PostgreSQL and Redis, reached through the gateway's own clients. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedBackendsTest {
  private static String previous;
  private static Vertx vertx;

  @BeforeAll
  static void forceEmbedded() {
    previous = System.getProperty(TestBackends.FORCE_EMBEDDED);
    System.setProperty(TestBackends.FORCE_EMBEDDED, "true");
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void restore() {
    if (previous == null) {
      System.clearProperty(TestBackends.FORCE_EMBEDDED);
    } else {
      System.setProperty(TestBackends.FORCE_EMBEDDED, previous);
    }
    vertx.close().await();
  }

  @Test
  void migratedDatabaseAnswersThroughTheReactivePool() {
    // Not TestBackends.pg(): that is cached per JVM and may already point at the machine's own PostgreSQL.
    PgConfig server = TestBackends.serverPg();
    assertThat(server.port()).isNotEqualTo(5432);
    PgConfig pg = TestBackends.freshDatabase(server);
    Migrations.migrate(pg);
    Pool pool = PgPools.create(vertx, pg, TestBackends.base().deadlines());
    try {
      Row row = pool.query("SELECT count(*) AS n FROM agent").execute().await().iterator().next();
      assertThat(row.getLong("n")).isZero();
    } finally {
      pool.close().await();
    }
  }

  @Test
  void redisAnswersPing() {
    RedisConfig redis = TestBackends.serverRedis();
    assertThat(redis.url()).doesNotEndWith(":6379");
    RedisAPI api = RedisClients.create(vertx, redis);
    try {
      Response pong = api.ping(List.of()).await();
      assertThat(pong.toString()).isEqualTo("PONG");
    } finally {
      api.close();
    }
  }
}
