package net.fsgateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import net.fsgateway.config.PgConfig;
import net.fsgateway.infra.Migrations;
import net.fsgateway.support.LocalProcess;
import net.fsgateway.support.TestBackends;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway behind Debian's PgBouncer (1.18, which keeps no prepared statements) in transaction pooling mode, on
 * port 27401 in front of the test PostgreSQL. With {@code pg.pooler=pgbouncer} migrations and every method work
 * under concurrency; without it, the signup pool's connections are refused (their {@code plan_cache_mode} startup
 * setting), which is what this switch is for.
 */
@Tag("fleet")
@Timeout(120)
class PgBouncerIT {
  static final int PORT = 27401;
  private static Path dir;
  private static LocalProcess bouncer;

  @BeforeAll
  static void start() throws Exception {
    String binary = LocalProcess.which("pgbouncer");
    Assumptions.assumeTrue(binary != null, "pgbouncer not installed (apt-get install pgbouncer): PgBouncerIT skipped");
    bouncer = start(binary, PORT, TestBackends.pg(), 20);
  }

  /** PgBouncer in transaction mode on {@code port}, forwarding every database to {@code server}. */
  static LocalProcess start(String binary, int port, PgConfig server, int serverPoolSize) throws Exception {
    dir = Files.createTempDirectory("fsgw-pgbouncer");
    Files.writeString(dir.resolve("users.txt"), "\"" + server.user() + "\" \"\"\n");
    Files.writeString(dir.resolve("pgbouncer.ini"), String.join("\n",
        "[databases]", "* = host=" + server.host() + " port=" + server.port(),
        "[pgbouncer]", "listen_addr = 127.0.0.1", "listen_port = " + port, "unix_socket_dir =",
        "auth_type = trust", "auth_file = " + dir.resolve("users.txt"), "pool_mode = transaction",
        "max_client_conn = 2000", "default_pool_size = " + serverPoolSize,
        // JDBC (Flyway) sends it at start-up; the gateway's own clients send nothing PgBouncer does not know.
        "ignore_startup_parameters = extra_float_digits", ""));
    dir.toFile().setReadable(true, false);
    dir.toFile().setExecutable(true, false);
    for (String f : List.of("users.txt", "pgbouncer.ini")) {
      dir.resolve(f).toFile().setReadable(true, false);
    }
    List<String> command = new ArrayList<>(List.of(binary));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "nobody")); // PgBouncer refuses to run as root
    }
    command.add(dir.resolve("pgbouncer.ini").toString());
    return LocalProcess.start("pgbouncer-" + port, port, dir, command, Map.of(), 10_000);
  }

  @AfterAll
  static void stop() {
    if (bouncer != null) {
      bouncer.close();
    }
  }

  static PgConfig viaBouncer(PgConfig direct, String database, PgConfig.Pooler pooler) {
    return new PgConfig("127.0.0.1", PORT, database, direct.user(), direct.password(), direct.poolSize(),
        direct.maxWaitQueue(), direct.connectTimeoutMs(), false, direct.maxConnections(), pooler);
  }

  @Test
  void migrationsRunThroughPgBouncer() throws Exception {
    PgConfig direct = TestBackends.pg();
    String database = "fsgw_bouncer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(direct, "CREATE DATABASE " + database);
    try {
      assertThat(Migrations.migrate(viaBouncer(direct, database, PgConfig.Pooler.PGBOUNCER)).migrationsExecuted)
          .isPositive();
    } finally {
      // FORCE: PgBouncer still holds its server connections to it.
      execute(direct, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private static void execute(PgConfig server, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
         Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void everyMethodWorksUnderConcurrencyWithThePoolerSetting() throws Exception {
    PgConfig pg = viaBouncer(TestBackends.pg(), TestBackends.pg().database(), PgConfig.Pooler.PGBOUNCER);
    try (TestGateway gateway = TestGateway.start(c -> c.withPg(pg))) {
      TestReseller reseller = TestReseller.create();
      String session = reseller.login(gateway);
      List<Callable<Object>> calls = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        int n = i;
        calls.add(() -> switch (n % 4) {
          case 0 -> gateway.call("new_customer", Signups.card(reseller, session, "pgb" + UUID.randomUUID()
              .toString().replace("-", "").substring(0, 12))).get("error");
          case 1 -> gateway.call("check_username", Map.of("session_id", session, "username", "nobody" + n,
              "domain", reseller.privateDomain())).get("error");
          case 2 -> gateway.call("agent_info", Map.of("session_id", session)).get("error");
          default -> gateway.call("signup_info", Map.of("session_id", session)).get("error");
        });
      }
      for (int round = 0; round < 3; round++) {
        assertThat(Signups.together(calls)).as("round %d", round).allMatch(""::equals);
      }
      String name = "pgbrace" + UUID.randomUUID().toString().substring(0, 8);
      List<Callable<Object>> race = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        race.add(() -> gateway.call("new_customer", Signups.card(reseller, session, name)).get("error"));
      }
      List<Object> answers = Signups.together(race);
      assertThat(answers).filteredOn(""::equals).hasSize(1);
      assertThat(answers).filteredOn("Username in use"::equals).hasSize(19);
    }
  }

  /**
   * Without {@code pg.pooler=pgbouncer} the gateway sends startup parameters PgBouncer refuses (the deadline's
   * {@code statement_timeout} on every pool, {@code plan_cache_mode} on the signup pool): no call reaches PostgreSQL,
   * and each answers the retryable fault -32001 rather than hang or fail obscurely.
   */
  @Test
  void withoutThePoolerSettingNothingConnectsAndCallsAnswerUnavailable() throws Exception {
    PgConfig pg = viaBouncer(TestBackends.pg(), TestBackends.pg().database(), PgConfig.Pooler.NONE);
    try (TestGateway gateway = TestGateway.start(c -> c.withPg(pg))) {
      TestReseller reseller = TestReseller.create();
      Object login = RedisSentinelIT.attempt(() -> String.valueOf(gateway.call("agent_login",
          Map.of("username", reseller.username(), "password", reseller.password())).get("error")));
      assertThat(login).isEqualTo("fault -32001");
    }
  }
}
