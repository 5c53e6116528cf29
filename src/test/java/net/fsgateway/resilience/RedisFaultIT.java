package net.fsgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.fsgateway.support.LogCapture;
import net.fsgateway.support.OwnRedis;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway on a Redis of the test's own, which the tests freeze (SIGSTOP), put to sleep ({@code DEBUG SLEEP}),
 * kill, restart loading a slow data set and replace by a read-only replica: each answers its retryable fault in
 * bounded time, logged without ERROR or stack trace, and the gateway recovers.
 */
@Tag("fault")
@Timeout(120)
class RedisFaultIT {
  private static OwnRedis redis;
  private static TestGateway gateway;
  private static TestReseller reseller;

  @BeforeAll
  static void start() {
    redis = OwnRedis.start();
    gateway = TestGateway.start(config -> config.withRedis(redis.config())
        .withDeadlines(TestGateway.productionDeadlines()));
    reseller = TestReseller.create();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private static FaultCalls login(TestGateway on) {
    return FaultCalls.call(on, "agent_login", Map.of("username", reseller.username(), "password", reseller.password()));
  }

  /** A session-scoped call with a session id no cache holds: it must ask Redis. */
  private static FaultCalls unknownSession() {
    return FaultCalls.call(gateway, "agent_info", Map.of("session_id", TestData.unique("nosuchsession")));
  }

  @Test
  void aFrozenRedisAnswersBusyWithinOneSecond() {
    assertThat(login(gateway).code()).isZero();
    FaultCalls loggedIn;
    FaultCalls resumed;
    try (LogCapture capture = new LogCapture()) {
      redis.freeze();
      try {
        loggedIn = login(gateway);
        resumed = unknownSession();
      } finally {
        redis.thaw();
      }
      assertThat(FaultCalls.misloggedFailures(capture)).isEmpty();
    }
    System.out.printf("Redis SIGSTOP: agent_login %d after %d ms, agent_info %d after %d ms%n", loggedIn.code(),
        loggedIn.millis(), resumed.code(), resumed.millis());
    assertThat(loggedIn.code()).isEqualTo(-32003);
    assertThat(resumed.code()).isEqualTo(-32003);
    // The deadline is 500 ms (deadlines.redisCommandMs); the rest is slack for a busy machine.
    assertThat(loggedIn.millis()).isLessThan(1_000);
    assertThat(resumed.millis()).isLessThan(1_000);
    assertThat(eventuallyLogsIn().code()).isZero();
  }

  @Test
  void aSleepingRedisAnswersBusyWithinOneSecond() throws Exception {
    Thread sleeper = redis.sleepFor(2);
    Thread.sleep(100);
    FaultCalls loggedIn = login(gateway);
    sleeper.join();
    System.out.printf("Redis DEBUG SLEEP: agent_login %d after %d ms%n", loggedIn.code(), loggedIn.millis());
    assertThat(loggedIn.code()).isEqualTo(-32003);
    assertThat(loggedIn.millis()).isLessThan(1_000);
    assertThat(eventuallyLogsIn().code()).isZero();
  }

  @Test
  void aKilledRedisAnswersUnavailableAndARestartedOneServesAgain() {
    try (LogCapture capture = new LogCapture()) {
      redis.kill();
      FaultCalls loggedIn = login(gateway);
      FaultCalls resumed = unknownSession();
      assertThat(loggedIn.code()).isEqualTo(-32001);
      assertThat(resumed.code()).isEqualTo(-32001);
      assertThat(loggedIn.millis()).isLessThan(1_000);
      redis.startServer();
      assertThat(FaultCalls.misloggedFailures(capture)).isEmpty();
    }
    assertThat(eventuallyLogsIn().code()).isZero();
  }

  @Test
  void aRedisStillLoadingItsDataAnswersUnavailable() {
    // A data set that takes seconds to load: 200,000 keys at 20 µs each (key-load-delay).
    redis.cli("DEBUG", "POPULATE", "200000", "fsgw-fault-filler");
    redis.cli("SAVE");
    try (LogCapture capture = new LogCapture()) {
      redis.restart(List.of("--key-load-delay", "20", "--loading-process-events-interval-bytes", "1024"));
      FaultCalls loggedIn = login(gateway);
      assertThat(redis.cli("PING")).startsWith("LOADING"); // still loading after the call: the call saw it
      assertThat(loggedIn.code()).isEqualTo(-32001);
      assertThat(FaultCalls.misloggedFailures(capture)).isEmpty();
    } finally {
      redis.restart(List.of());
      redis.cli("FLUSHALL"); // this test's own server
    }
    assertThat(eventuallyLogsIn().code()).isZero();
  }

  @Test
  void aReadOnlyReplicaAnswersUnavailable() {
    try (OwnRedis replica = OwnRedis.start(List.of("--replicaof", "127.0.0.1", Integer.toString(redis.port())));
         TestGateway onReplica = TestGateway.start(config -> config.withRedis(replica.config()));
         LogCapture capture = new LogCapture()) {
      FaultCalls loggedIn = login(onReplica);
      assertThat(loggedIn.code()).isEqualTo(-32001);
      assertThat(FaultCalls.misloggedFailures(capture)).isEmpty();
    }
  }

  private static FaultCalls eventuallyLogsIn() {
    FaultCalls last = login(gateway);
    for (int i = 0; i < 50 && last.code() != 0; i++) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      last = login(gateway);
    }
    return last;
  }
}
