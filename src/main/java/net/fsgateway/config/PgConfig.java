package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/**
 * PostgreSQL. An empty {@code host} means "start the embedded PostgreSQL"; {@code embedded} stays true once the
 * configuration points at the started one (its host and port filled in), so later steps still know the database is
 * the gateway's own. Every pool bound is explicit: the
 * client's own defaults (4 connections, unbounded wait queue) are wrong for a gateway. {@code poolSize} is per
 * service instance (each has its own pool on its own event loop, so no reply hops between loops): a gateway opens
 * at most {@code poolSize × 3} connections per HTTP instance when co-located, per {@code serviceInstances}
 * otherwise.
 */
public record PgConfig(String host, int port, String database, String user, String password,
                       int poolSize, int maxWaitQueue, int connectTimeoutMs, boolean embedded) {

  public PgConfig {
    require(poolSize >= 1, "pg.poolSize must be >= 1");
    require(maxWaitQueue >= 0, "pg.maxWaitQueue must be >= 0");
    require(connectTimeoutMs > 0, "pg.connectTimeoutMs must be > 0");
  }

  static PgConfig from(ConfigSource s) {
    String host = s.string("pg.host", "");
    return new PgConfig(
        host,
        s.integer("pg.port", 5432),
        s.string("pg.database", "fsgateway"),
        s.string("pg.user", "postgres"),
        s.string("pg.password", ""),
        s.integer("pg.poolSize", 8),
        s.integer("pg.maxWaitQueue", 1024),
        s.integer("pg.connectTimeoutMs", 1000),
        host.isBlank());
  }

  public PgConfig withServer(String host, int port, String database, String user, String password) {
    return new PgConfig(host, port, database, user, password, poolSize, maxWaitQueue, connectTimeoutMs, embedded);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "PgConfig[" + user + "@" + host + ":" + port + "/" + database + ", password=" + (password.isEmpty() ? "" : "***")
        + ", poolSize=" + poolSize + ", maxWaitQueue=" + maxWaitQueue + ", connectTimeoutMs=" + connectTimeoutMs
        + ", embedded=" + embedded + "]";
  }
}
