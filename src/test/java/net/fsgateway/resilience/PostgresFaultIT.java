package net.fsgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.fsgateway.security.AgentPasswords;
import net.fsgateway.support.LogCapture;
import net.fsgateway.support.OwnPostgres;
import net.fsgateway.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway on a PostgreSQL of the test's own, which the tests terminate, lock, freeze and stop: each cause
 * answers its retryable fault, in bounded time, logged without ERROR or stack trace, and the gateway recovers.
 */
@Tag("fault")
@Timeout(120)
class PostgresFaultIT {
  private static final String PASSWORD = "fault-test-password";
  /** Threads of their own: the common pool may have a single thread on two cores. */
  private static final java.util.concurrent.ExecutorService CALLERS = java.util.concurrent.Executors.newCachedThreadPool();
  private static OwnPostgres pg;
  private static TestGateway gateway;
  private static String session;

  @BeforeAll
  static void start() throws Exception {
    pg = OwnPostgres.start();
    pg.execute("INSERT INTO agent (agent, username, password_hash) VALUES ('Fault', 'fault', '"
        + AgentPasswords.hash(PASSWORD.toCharArray()) + "')");
    pg.execute("INSERT INTO svc_domain (domain, agentnum) VALUES ('fault.example', NULL)");
    gateway = TestGateway.start(config -> config.withPg(pg.config())
        .withDeadlines(TestGateway.productionDeadlines()));
    session = (String) gateway.call("agent_login", Map.of("username", "fault", "password", PASSWORD)).get("session_id");
  }

  @AfterAll
  static void stop() {
    CALLERS.shutdownNow();
    if (gateway != null) {
      gateway.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  private static FaultCalls check() {
    return FaultCalls.call(gateway, "check_username", Map.of("session_id", session, "username", "u1", "domain",
        "fault.example"));
  }

  private static FaultCalls login() {
    return FaultCalls.call(gateway, "agent_login", Map.of("username", "fault", "password", PASSWORD));
  }

  @Test
  void terminatedBackendsAnswerUnavailableNotInternalError() throws Exception {
    try (LogCapture capture = new LogCapture(); Connection locker = pg.connect()) {
      List<CompletableFuture<FaultCalls>> inFlight = callsBehindALock(locker, 13);
      try (Statement s = locker.createStatement()) {
        s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
            + " AND backend_type = 'client backend'");
      }
      locker.rollback();
      for (CompletableFuture<FaultCalls> call : inFlight) {
        assertThat(call.get(10, TimeUnit.SECONDS).code()).isEqualTo(-32001);
      }
      assertThat(FaultCalls.misloggedFailures(capture)).isEmpty();
    }
    assertThat(check().code()).isZero();
  }

  @Test
  void aStatementStuckBehindALockAnswersBusyWithinTheQueryDeadline() throws Exception {
    try (Connection locker = pg.connect()) {
      callsBehindALock(locker, 0);
      FaultCalls stuck = check();
      locker.rollback();
      System.out.printf("lock stall: check_username fault %d after %d ms%n", stuck.code(), stuck.millis());
      assertThat(stuck.code()).isEqualTo(-32003);
      assertThat(stuck.millis()).isBetween(600L, 1_500L);
    }
    assertThat(check().code()).isZero();
  }

  @Test
  void aFrozenPostgresAnswersBusyWithinOneSecondAndIsForgottenWhenItWakes() {
    check();
    pg.freeze();
    FaultCalls checked;
    FaultCalls loggedIn;
    try {
      checked = check();
      loggedIn = login();
    } finally {
      pg.thaw();
    }
    System.out.printf("SIGSTOP: check_username %d after %d ms, agent_login %d after %d ms%n", checked.code(),
        checked.millis(), loggedIn.code(), loggedIn.millis());
    assertThat(checked.code()).isEqualTo(-32003);
    assertThat(loggedIn.code()).isEqualTo(-32003);
    // The deadline is 875 ms (deadlines.pgQueryMs × 1.25); the rest is slack for a busy machine.
    assertThat(checked.millis()).isLessThan(1_500);
    assertThat(loggedIn.millis()).isLessThan(1_500);
    assertThat(eventually(PostgresFaultIT::check).code()).isZero();
  }

  @Test
  void aStoppingAndStoppedPostgresAnswersUnavailableAndTheGatewayRecovers() throws Exception {
    List<FaultCalls> inFlightOutcomes = new ArrayList<>();
    List<FaultCalls> stoppedOutcomes = new ArrayList<>();
    try (LogCapture capture = new LogCapture()) {
      List<CompletableFuture<FaultCalls>> inFlight;
      try (Connection locker = pg.connect()) {
        inFlight = callsBehindALock(locker, 5);
        pg.stopFast(); // the sessions get 57P01
      }
      for (CompletableFuture<FaultCalls> call : inFlight) {
        inFlightOutcomes.add(call.get(10, TimeUnit.SECONDS));
      }
      stoppedOutcomes.add(check());
      stoppedOutcomes.add(login());
      pg.startServer();
      assertThat(FaultCalls.misloggedFailures(capture)).isEmpty();
    }
    // The locker's session may end first and free the lock, so a waiting statement can still finish before its
    // own session is ended: answered or unavailable, never an internal error.
    assertThat(inFlightOutcomes).allSatisfy(o -> assertThat(o.code()).isIn(0, -32001));
    assertThat(stoppedOutcomes).allSatisfy(o -> {
      assertThat(o.code()).isEqualTo(-32001);
      assertThat(o.millis()).isLessThan(2_000);
    });
    assertThat(eventually(PostgresFaultIT::check).code()).isZero();
  }

  /** Holds an exclusive lock on svc_acct in {@code locker}'s transaction and starts {@code n} calls that wait on it. */
  private static List<CompletableFuture<FaultCalls>> callsBehindALock(Connection locker, int n) throws Exception {
    locker.setAutoCommit(false);
    try (Statement s = locker.createStatement()) {
      s.execute("LOCK TABLE svc_acct IN ACCESS EXCLUSIVE MODE");
    }
    List<CompletableFuture<FaultCalls>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(CompletableFuture.supplyAsync(PostgresFaultIT::check, CALLERS));
    }
    Thread.sleep(n == 0 ? 0 : 300); // let them reach the lock (well inside the 700 ms statement deadline)
    return calls;
  }

  private static FaultCalls eventually(java.util.function.Supplier<FaultCalls> call) {
    FaultCalls last = call.get();
    for (int i = 0; i < 50 && last.code() != 0; i++) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      last = call.get();
    }
    return last;
  }
}
