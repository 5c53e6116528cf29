package net.fsgateway.admin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.PgConfig;
import net.fsgateway.infra.Backends;
import net.fsgateway.infra.FreePorts;
import net.fsgateway.infra.StartedBackends;

/**
 * The database an admin command works on. For an embedded configuration it is the running gateway's PostgreSQL
 * on {@code 127.0.0.1:embedded.pgPort}; when nothing answers there, the embedded PostgreSQL is started on the same
 * data directory for the duration of the command.
 */
public final class AdminDatabase implements AutoCloseable {
  private final PgConfig pg;
  private final StartedBackends started;

  private AdminDatabase(PgConfig pg, StartedBackends started) {
    this.pg = pg;
    this.started = started;
  }

  /** A database that is already running and migrated (tests, or a caller that resolved it itself). */
  public static AdminDatabase of(PgConfig pg) {
    return new AdminDatabase(pg, null);
  }

  public static AdminDatabase open(GatewayConfig cfg) {
    if (!cfg.pg().embedded()) {
      return of(cfg.pg());
    }
    int port = cfg.embedded().pgPort();
    if (FreePorts.answers("127.0.0.1", port, 500)) {
      return of(cfg.pg().withServer("127.0.0.1", port, cfg.pg().database(), "postgres", ""));
    }
    StartedBackends started = Backends.startDatabase(cfg);
    return new AdminDatabase(started.config().pg(), started);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
  }

  @Override
  public void close() {
    if (started != null) {
      started.close();
    }
  }
}
