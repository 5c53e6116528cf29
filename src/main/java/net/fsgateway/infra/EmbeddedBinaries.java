package net.fsgateway.infra;

import net.fsgateway.config.ConfigException;

/**
 * Whether this build carries the embedded PostgreSQL and Redis. The slim jar and the container image leave them out
 * (they are 60+ MB of binaries for four platforms); there, an empty {@code pg.host} or {@code redis.url} is a
 * configuration error with a message naming the setting, not a NoClassDefFoundError, and final: start-up's wait for
 * backends does not retry it.
 */
final class EmbeddedBinaries {
  private static final String PG_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
  private static final String REDIS_CLASS = "redis.embedded.RedisServer";

  private EmbeddedBinaries() {
  }

  static void requirePostgres() {
    require(PG_CLASS, "PostgreSQL", "pg.host (GW_PG_HOST, with pg.port, pg.database, pg.user, pg.password)");
  }

  static void requireRedis() {
    require(REDIS_CLASS, "Redis", "redis.url (GW_REDIS_URL)");
  }

  private static void require(String className, String what, String keys) {
    try {
      Class.forName(className, false, EmbeddedBinaries.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ConfigException("this build has no embedded " + what + " (the slim jar or the container"
          + " image): set " + keys + " to an external " + what);
    }
  }
}
