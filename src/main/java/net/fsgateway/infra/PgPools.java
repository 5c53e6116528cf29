package net.fsgateway.infra;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.DeadlinesConfig;
import net.fsgateway.config.PgConfig;

/**
 * Builds the reactive PostgreSQL pool with every bound explicit and statements cached per connection. Each
 * verticle instance builds its own (not shared): its connections then live on its event loop, which measured
 * 14% more check_username throughput than one pool shared by all verticles.
 */
public final class PgPools {
  private PgPools() {
  }

  public static PgConnectOptions connectOptions(PgConfig pg) {
    PgConnectOptions options = new PgConnectOptions()
        .setHost(pg.host())
        .setPort(pg.port())
        .setDatabase(pg.database())
        .setUser(pg.user())
        .setPassword(pg.password());
    if (pg.behindPgBouncer()) {
      // Transaction pooling hands each transaction (each Sync, outside BEGIN…COMMIT) to any server connection: a
      // statement prepared on one is unknown on the next. The client's layer-7-proxy mode sends Parse, Bind and
      // Execute of an unnamed statement before one Sync, and nothing is cached by name.
      return options.setUseLayer7Proxy(true).setCachePreparedStatements(false);
    }
    return options
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(256)
        .setPipeliningLimit(256);
  }

  /**
   * A pipelining client for code that only runs single statements (no transactions): several statements in
   * flight per connection, so fewer connections and fewer round-trip waits.
   */
  public static SqlClient pipelined(Vertx vertx, PgConfig pg, DeadlinesConfig deadlines) {
    return PgBuilder.client().with(poolOptions(pg, deadlines)).with(transport(pg))
        .connectingTo(bounded(pg, deadlines)).using(vertx).build();
  }

  /**
   * {@link #pipelined}, with the statements issued to one connection in one event-loop turn sent in one write
   * ({@link FlushBatching}).
   */
  public static SqlClient pipelinedBatched(Vertx vertx, PgConfig pg, DeadlinesConfig deadlines) {
    return PgBuilder.client().with(poolOptions(pg, deadlines)).with(transport(pg))
        .connectingTo(bounded(pg, deadlines)).withConnectHandler(FlushBatching::install).using(vertx).build();
  }

  /**
   * {@link #pipelinedBatched} with at most {@code maxSize} connections, whose sessions run prepared statements on
   * their generic plan, as {@link #genericPlans} (behind PgBouncer, without: it refuses startup parameters).
   */
  public static SqlClient pipelinedBatchedGenericPlans(Vertx vertx, PgConfig pg, DeadlinesConfig deadlines,
                                                       int maxSize) {
    return PgBuilder.client().with(poolOptions(pg, deadlines).setMaxSize(maxSize)).with(transport(pg))
        .connectingTo(genericPlanOptions(pg, deadlines)).withConnectHandler(FlushBatching::install).using(vertx)
        .build();
  }

  public static Pool create(Vertx vertx, PgConfig pg, DeadlinesConfig deadlines) {
    return PgBuilder.pool().with(poolOptions(pg, deadlines)).with(transport(pg))
        .connectingTo(bounded(pg, deadlines)).using(vertx).build();
  }

  /**
   * A pool whose sessions always run prepared statements on their generic plan. For statements with many
   * parameters whose best plan does not depend on the values (the signup read and its one-statement write, ~30
   * parameters), PostgreSQL's default would plan every execution anew for its first five runs per connection and
   * keep re-costing after; measured on 2 cores at 16 clients: 1,348 → 1,596 signups/s, PostgreSQL CPU per signup
   * 0.78 → 0.61 ms. Not for searches, where the pattern decides whether an index helps. Behind PgBouncer
   * ({@code pg.pooler=pgbouncer}) a plain pool: statements are unnamed there, so there is no plan to keep.
   */
  public static Pool genericPlans(Vertx vertx, PgConfig pg, DeadlinesConfig deadlines) {
    return PgBuilder.pool().with(poolOptions(pg, deadlines)).with(transport(pg))
        .connectingTo(genericPlanOptions(pg, deadlines)).using(vertx).build();
  }

  /** Sessions that run prepared statements on their generic plan; behind PgBouncer (no startup parameters) plain. */
  private static PgConnectOptions genericPlanOptions(PgConfig pg, DeadlinesConfig deadlines) {
    return pg.behindPgBouncer() ? bounded(pg, deadlines)
        : bounded(pg, deadlines).addProperty("plan_cache_mode", "force_generic_plan");
  }

  /** A pool of at most {@code maxSize} connections (for rare, long work such as streamed listings). */
  public static Pool sized(Vertx vertx, PgConfig pg, DeadlinesConfig deadlines, int maxSize) {
    return PgBuilder.pool().with(poolOptions(pg, deadlines).setMaxSize(maxSize)).with(transport(pg))
        .connectingTo(bounded(pg, deadlines)).using(vertx).build();
  }

  /**
   * Connections whose commits do not wait for the WAL flush (synchronous_commit off), for writes whose loss in a
   * PostgreSQL crash is harmless or is made durable by a later ordinary commit: the WAL is flushed in order, so a
   * later synchronous commit flushes them too (the payment journal's group-committed steps). Each statement is
   * planned for its own parameters (plan_cache_mode force_custom_plan): the journal's 'captured' names however
   * many attempts a group holds, and the generic plan PostgreSQL settled on while the journal was small (a scan of
   * the whole table: 1,955 scans reading 11 million rows in 12,000 signups, issue 15) stayed cached for the
   * connection's life unless an ANALYZE came. Behind PgBouncer, which refuses startup parameters (and names no
   * statements, so nothing is cached), an ordinary pool.
   */
  public static Pool asyncCommit(Vertx vertx, PgConfig pg, DeadlinesConfig deadlines, int maxSize) {
    PgConnectOptions connect = pg.behindPgBouncer() ? bounded(pg, deadlines)
        : bounded(pg, deadlines).addProperty("synchronous_commit", "off")
            .addProperty("plan_cache_mode", "force_custom_plan");
    return PgBuilder.pool().with(poolOptions(pg, deadlines).setMaxSize(maxSize)).with(transport(pg))
        .connectingTo(connect).using(vertx).build();
  }

  /**
   * The server cancels a statement that runs past {@code deadlines.pgQueryMs} (SQLSTATE 57014, a retryable
   * fault): a statement stuck behind a lock frees its connection instead of holding it and the call. PgBouncer
   * refuses startup parameters it does not know: behind it, set {@code statement_timeout} on the database role
   * ({@code ALTER ROLE … SET statement_timeout}); the gateway's own deadline still ends the call.
   */
  private static PgConnectOptions bounded(PgConfig pg, DeadlinesConfig deadlines) {
    PgConnectOptions options = connectOptions(pg);
    return pg.behindPgBouncer() ? options
        : options.addProperty("statement_timeout", Integer.toString(deadlines.pgQueryMs()));
  }

  /** A call waits at most {@code deadlines.pgPoolWaitMs} for a connection, then answers a retryable fault. */
  private static PoolOptions poolOptions(PgConfig pg, DeadlinesConfig deadlines) {
    return new PoolOptions()
        .setMaxSize(pg.poolSize())
        .setMaxWaitQueueSize(pg.maxWaitQueue())
        .setConnectionTimeout(deadlines.pgPoolWaitMs())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
  }

  private static NetClientOptions transport(PgConfig pg) {
    return new NetClientOptions().setConnectTimeout(pg.connectTimeoutMs()).setTcpNoDelay(true);
  }
}
