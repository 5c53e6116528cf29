package net.fsgateway.infra;

import net.fsgateway.config.PgConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Creates and upgrades the schema with Flyway, on the main thread, before any verticle is deployed. */
public final class Migrations {
  private Migrations() {
  }

  public static MigrateResult migrate(PgConfig pg) {
    return Flyway.configure()
        .dataSource(pg.jdbcUrl(), pg.user(), pg.password())
        .locations("classpath:db/migration")
        .connectRetries(5)
        .load()
        .migrate();
  }
}
