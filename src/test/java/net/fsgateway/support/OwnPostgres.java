package net.fsgateway.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.fsgateway.config.PgConfig;
import net.fsgateway.infra.Migrations;

/**
 * A PostgreSQL server of the test's own (initdb'd into a temp directory, run as the {@code postgres} user when
 * the tests run as root), on a port of the fault tests' range, so a test may terminate its backends, stop it or
 * freeze it with SIGSTOP without touching the machine's shared server. Skipped when no PostgreSQL binaries are
 * installed.
 */
public final class OwnPostgres implements AutoCloseable {
  private static final String OWNER = "postgres";
  private final Path bin;
  private final Path dir;
  private final Path log;
  private final int port;
  private boolean frozen;

  private OwnPostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.log = dir.resolve("server.log");
    this.port = port;
  }

  /** initdb, start, migrate. */
  public static OwnPostgres start() {
    Optional<Path> bin = binaries();
    assumeTrue(bin.isPresent(), "no PostgreSQL binaries under /usr/lib/postgresql/*/bin: fault test skipped");
    try {
      Path dir = Files.createTempDirectory("fsgw-fault-pg");
      OwnPostgres pg = new OwnPostgres(bin.get(), dir, OwnProcesses.freePort(26432));
      pg.init();
      pg.startServer();
      Migrations.migrate(pg.config());
      return pg;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  public PgConfig config() {
    return TestBackends.base().pg().withServer("127.0.0.1", port, "postgres", "postgres", "");
  }

  /** Runs SQL on this server (JDBC, a fresh connection). */
  public void execute(String sql) {
    try (Connection c = DriverManager.getConnection(config().jdbcUrl(), "postgres", ""); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** An open JDBC connection (e.g. to hold a lock); the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(config().jdbcUrl(), "postgres", "");
  }

  /** Ends every other session's backend, as an operator's {@code pg_terminate_backend} would. */
  public void terminateBackends() {
    execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
        + " AND backend_type = 'client backend'");
  }

  /** {@code pg_ctl stop -m fast}: sessions get 57P01, new connections 57P03 while it stops, then refused. */
  public void stopFast() {
    asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-m", "fast", "-w", "stop"));
  }

  public void startServer() {
    asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-l", log.toString(), "-w", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
        "start"));
  }

  /** SIGSTOP to the postmaster and every backend: connections stay open and nothing answers. */
  public void freeze() {
    OwnProcesses.signalTree(postmasterPid(), "STOP");
    frozen = true;
  }

  public void thaw() {
    OwnProcesses.signalTree(postmasterPid(), "CONT");
    frozen = false;
  }

  @Override
  public void close() {
    try {
      if (frozen) {
        thaw();
      }
      if (Files.exists(dataDir().resolve("postmaster.pid"))) {
        asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-m", "immediate", "-w", "stop"));
      }
    } finally {
      OwnProcesses.deleteTree(dir);
    }
  }

  private void init() throws IOException {
    if (OwnProcesses.isRoot()) {
      OwnProcesses.run(List.of("chown", OWNER + ":", dir.toString()));
    }
    asOwner(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U",
        "postgres", "--no-sync", "-E", "UTF8"));
  }

  private long postmasterPid() {
    try {
      return Long.parseLong(Files.readAllLines(dataDir().resolve("postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new IllegalStateException("no postmaster.pid", e);
    }
  }

  private Path dataDir() {
    return dir.resolve("data");
  }

  private void asOwner(List<String> command) {
    List<String> full = new ArrayList<>();
    if (OwnProcesses.isRoot()) {
      full.addAll(List.of("runuser", "-u", OWNER, "--"));
    }
    full.addAll(command);
    OwnProcesses.run(full);
  }

  private static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Path::compareTo);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
