package net.fsgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.fsgateway.config.PgConfig;
import net.fsgateway.config.RedisConfig;
import net.fsgateway.infra.EmbeddedPg;
import net.fsgateway.infra.EmbeddedRedis;
import net.fsgateway.infra.FreePorts;

/**
 * Embedded PostgreSQL and Redis for machines that run neither: started once per JVM on free ports with throw-away
 * data directories, stopped by a shutdown hook.
 */
final class EmbeddedForTests {
  private static EmbeddedPg pg;
  private static EmbeddedRedis redis;

  private EmbeddedForTests() {
  }

  /** The embedded server's {@code postgres} database; TestBackends creates a fresh database beside it. */
  static synchronized PgConfig pg() {
    if (pg == null) {
      pg = EmbeddedPg.start(tempDir("fsgw-test-pg"), 0, false);
      Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "embedded-pg-stop"));
    }
    return pg.config(TestBackends.base().pg(), "postgres");
  }

  static synchronized RedisConfig redis() {
    if (redis == null) {
      redis = EmbeddedRedis.start(tempDir("fsgw-test-redis"), FreePorts.pick(), false);
      Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "embedded-redis-stop"));
    }
    return TestBackends.base().redis().withUrl(redis.url());
  }

  private static Path tempDir(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
