package net.fsgateway.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import net.fsgateway.config.PgConfig;

/**
 * A real PostgreSQL (zonky's embedded binaries, PostgreSQL 14) run from a data directory of our choosing. The
 * zonky binaries accept being started as root, so no user switching is needed in containers.
 */
public final class EmbeddedPg implements AutoCloseable {
  /** The superuser that {@code initdb} creates; it trusts local connections, so there is no password. */
  public static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres server;

  private EmbeddedPg(EmbeddedPostgres server) {
    this.server = server;
  }

  /**
   * Starts PostgreSQL on {@code port} (0: any free port). With {@code keepData} the directory survives restarts
   * and is only initialised when empty; without it the directory is wiped on start.
   */
  public static EmbeddedPg start(Path dataDir, int port, boolean keepData) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres server = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(!keepData)
          .setPort(port)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "200")
          .start();
      return new EmbeddedPg(server);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.getPort();
  }

  /** {@code base} pointed at this server's {@code database}, as the superuser. */
  public PgConfig config(PgConfig base, String database) {
    return base.withServer("127.0.0.1", port(), database, SUPERUSER, "");
  }

  /** Creates {@code database} unless it exists; returns true when it was created. */
  public boolean ensureDatabase(String database) {
    String url = "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    try (Connection c = DriverManager.getConnection(url, SUPERUSER, "")) {
      try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        q.setString(1, database);
        try (ResultSet r = q.executeQuery()) {
          if (r.next()) {
            return false;
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
      }
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database + " on embedded PostgreSQL: "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
