package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/**
 * PostgreSQL. An empty {@code host} means "start the embedded PostgreSQL"; {@code embedded} stays true once the
 * configuration points at the started one (its host and port filled in), so later steps still know the database is
 * the gateway's own. Every pool bound is explicit: the
 * client's own defaults (4 connections, unbounded wait queue) are wrong for a gateway. {@code poolSize} is per
 * service instance (each has its own pool on its own event loop, so no reply hops between loops): a gateway opens
 * at most {@code poolSize × 3} connections per HTTP instance when co-located, per {@code serviceInstances}
 * otherwise. {@code maxConnections} (0 = unset) fixes the process total instead, split evenly among the pools
 * ({@code net.fsgateway.infra.PgBudget}); {@code pooler=pgbouncer} avoids what PgBouncer's transaction pooling
 * cannot carry (named prepared statements, connection-level settings).
 */
public record PgConfig(String host, int port, String database, String user, String password,
                       int poolSize, int maxWaitQueue, int connectTimeoutMs, boolean embedded,
                       int maxConnections, Pooler pooler) {

  /** What the gateway connects to: PostgreSQL itself, or PgBouncer in transaction pooling mode. */
  public enum Pooler {
    NONE, PGBOUNCER;

    static Pooler parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("pg.pooler must be none or pgbouncer, not '" + text + "'");
      }
    }
  }

  public PgConfig {
    require(poolSize >= 1, "pg.poolSize must be >= 1");
    require(maxWaitQueue >= 0, "pg.maxWaitQueue must be >= 0");
    require(connectTimeoutMs > 0, "pg.connectTimeoutMs must be > 0");
    require(maxConnections >= 0, "pg.maxConnections must be >= 0 (0 = poolSize per pool)");
    require(pooler != null, "pg.pooler is required");
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
        host.isBlank(),
        s.integer("pg.maxConnections", 0),
        Pooler.parse(s.string("pg.pooler", "none")));
  }

  public PgConfig withServer(String host, int port, String database, String user, String password) {
    return new PgConfig(host, port, database, user, password, poolSize, maxWaitQueue, connectTimeoutMs, embedded,
        maxConnections, pooler);
  }

  /** The same settings with {@code poolSize} connections per pool (what {@code PgBudget} gives each pool). */
  public PgConfig withPoolSize(int poolSize) {
    return new PgConfig(host, port, database, user, password, poolSize, maxWaitQueue, connectTimeoutMs, embedded,
        maxConnections, pooler);
  }

  public boolean behindPgBouncer() {
    return pooler == Pooler.PGBOUNCER;
  }

  /** Behind PgBouncer, JDBC must not switch to named server-side statements after five runs (prepareThreshold). */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database + (behindPgBouncer() ? "?prepareThreshold=0" : "");
  }

  @Override
  public String toString() {
    return "PgConfig[" + user + "@" + host + ":" + port + "/" + database + ", password=" + (password.isEmpty() ? "" : "***")
        + ", poolSize=" + poolSize + ", maxWaitQueue=" + maxWaitQueue + ", connectTimeoutMs=" + connectTimeoutMs
        + ", embedded=" + embedded + ", maxConnections=" + maxConnections + ", pooler=" + pooler + "]";
  }
}
