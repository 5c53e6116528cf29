package net.fsgateway.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import net.fsgateway.config.PgConfig;
import net.fsgateway.config.RedisConfig;
import net.fsgateway.infra.Migrations;

/**
 * The PostgreSQL and Redis that tests talk to: the machine's own on 127.0.0.1 when they answer, the embedded
 * ones otherwise (so the test command passes on a fresh machine). Each JVM gets a fresh, migrated database.
 * {@code -Dfsgw.test.embedded=true} skips the probe and always uses the embedded ones (the fresh-machine path).
 */
public final class TestBackends {
  /** System property that forces the embedded backends even when local ones answer. */
  public static final String FORCE_EMBEDDED = "fsgw.test.embedded";

  private static PgConfig pg;
  private static RedisConfig redis;

  private TestBackends() {
  }

  public static synchronized PgConfig pg() {
    if (pg == null) {
      pg = freshDatabase(serverPg());
      Migrations.migrate(pg);
    }
    return pg;
  }

  public static synchronized RedisConfig redis() {
    if (redis == null) {
      redis = serverRedis();
    }
    return redis;
  }

  static RedisConfig serverRedis() {
    return !forceEmbedded() && answers(6379) ? base().redis().withUrl("redis://127.0.0.1:6379") : EmbeddedForTests.redis();
  }

  static PgConfig serverPg() {
    PgConfig defaults = base().pg();
    if (!forceEmbedded() && answers(5432)) {
      return defaults.withServer("127.0.0.1", 5432, "postgres", "postgres", "");
    }
    return EmbeddedForTests.pg();
  }

  static net.fsgateway.config.GatewayConfig base() {
    return net.fsgateway.config.ConfigLoader.load(java.nio.file.Path.of("does-not-exist.json"), java.util.Map.of());
  }

  static PgConfig freshDatabase(PgConfig server) {
    String name = "fsgw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + server, e);
    }
    return server.withServer(server.host(), server.port(), name, server.user(), server.password());
  }

  static boolean forceEmbedded() {
    return Boolean.getBoolean(FORCE_EMBEDDED);
  }

  static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
