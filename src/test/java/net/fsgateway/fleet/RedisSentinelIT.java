package net.fsgateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import net.fsgateway.config.RedisConfig;
import net.fsgateway.session.AgentSessions;
import net.fsgateway.session.SessionStore;
import net.fsgateway.support.LocalProcess;
import net.fsgateway.support.RedisProcesses;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code redis.type=sentinel} with real processes: a master, its replica and three Sentinels on loopback. The master
 * is killed with SIGKILL while calls run; the same gateway, never restarted, serves again once the Sentinels have
 * promoted the replica. Sessions written before the kill and already replicated survive it; the gateway's session
 * cache follows the new master (a session deleted there is refused). Ports 27101-27113.
 */
@Tag("fleet")
@Timeout(90)
class RedisSentinelIT {
  private static final String MASTER = "fsgw";
  private static final int MASTER_PORT = 27101;
  private static final int REPLICA_PORT = 27102;
  private static final int[] SENTINELS = {27111, 27112, 27113};
  private static final int DOWN_AFTER_MS = 1000;
  /** Down-after, the Sentinels' vote and the promotion: a few seconds; 20 s means something is wrong. */
  private static final long RESUME_BOUND_MS = 20_000;

  private record Outcome(long atNanos, String what) {
  }

  @Test
  void theGatewayResumesOnThePromotedReplicaWithoutRestarting() throws Exception {
    try (RedisProcesses redis = new RedisProcesses("sentinel")) {
      LocalProcess master = redis.server(MASTER_PORT);
      redis.server(REPLICA_PORT, "--replicaof", "127.0.0.1", Integer.toString(MASTER_PORT));
      for (int port : SENTINELS) {
        redis.sentinel(port, MASTER, MASTER_PORT, DOWN_AFTER_MS);
      }
      await(() -> redis.cli(REPLICA_PORT, "INFO", "replication").contains("master_link_status:up"), "replica in sync");
      await(() -> redis.cli(SENTINELS[0], "SENTINEL", "CKQUORUM", MASTER).startsWith("OK 3"), "three Sentinels agree");

      RedisConfig sentinel = new RedisConfig("", 8, 1024, RedisConfig.Type.SENTINEL,
          List.of("redis://127.0.0.1:" + SENTINELS[0], "redis://127.0.0.1:" + SENTINELS[1],
              "redis://127.0.0.1:" + SENTINELS[2]), MASTER, "", "");
      try (TestGateway gateway = TestGateway.start(c -> c.withRedis(sentinel))) {
        TestReseller reseller = TestReseller.create();
        String session = reseller.login(gateway);
        assertThat(check(gateway, session, reseller.privateDomain())).isEqualTo("");
        await(() -> "1".equals(redis.cli(REPLICA_PORT, "EXISTS", SessionStore.key(session))), "session replicated");

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
          load.submit(() -> {
            while (running.get()) {
              outcomes.add(new Outcome(System.nanoTime(), attempt(() -> check(gateway, session, reseller.privateDomain()))));
            }
          });
        }
        Thread.sleep(500);
        long killedAt = System.nanoTime();
        master.kill9();
        long resumedAt = 0;
        while (System.nanoTime() - killedAt < TimeUnit.MILLISECONDS.toNanos(RESUME_BOUND_MS)) {
          if ("".equals(attempt(() -> String.valueOf(gateway.call("agent_login",
              Map.of("username", reseller.username(), "password", reseller.password())).get("error"))))) {
            resumedAt = System.nanoTime();
            break;
          }
          Thread.sleep(50);
        }
        long resumedMs = TimeUnit.NANOSECONDS.toMillis(resumedAt - killedAt);
        Thread.sleep(1500);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(resumedAt).as("a login succeeded within %d ms of the kill", RESUME_BOUND_MS).isNotZero();
        System.out.printf("FLEET sentinel: kill -9 of the master -> first successful login after %d ms (down-after %d ms);"
            + " %d calls, %d answered with a fault%n", resumedMs, DOWN_AFTER_MS, outcomes.size(),
            outcomes.stream().filter(o -> !o.what.isEmpty()).count());
        // Before the kill and from a second after the login worked again: every call answered, none failed.
        long settled = resumedAt + TimeUnit.SECONDS.toNanos(1);
        assertThat(outcomes.stream().filter(o -> o.atNanos < killedAt || o.atNanos > settled).map(Outcome::what))
            .isNotEmpty().allMatch(""::equals);
        // In between, only "unavailable"/"busy" faults; never a wrong answer such as a refused, replicated session.
        assertThat(outcomes.stream().map(Outcome::what))
            .allMatch(w -> w.isEmpty() || w.startsWith("fault -3200"), "only faults while the master is gone");
        assertThat(redis.cli(REPLICA_PORT, "ROLE")).startsWith("master");

        // The session cache follows the new master: a session deleted there is refused, and a fresh login works.
        redis.cli(REPLICA_PORT, "DEL", SessionStore.key(session));
        await(() -> AgentSessions.CANT_RESUME.equals(attempt(() -> check(gateway, session, reseller.privateDomain()))), "deleted session refused");
        assertThat(check(gateway, reseller.login(gateway), reseller.privateDomain())).isEqualTo("");
      }
    }
  }

  static String check(TestGateway gateway, String session, String domain) throws XmlRpcException {
    return String.valueOf(gateway.call("check_username",
        Map.of("session_id", session, "username", "nobody", "domain", domain)).get("error"));
  }

  interface Call {
    String run() throws Exception;
  }

  /** The call's {@code error} text, or {@code fault <code>}. */
  static String attempt(Call call) {
    try {
      return call.run();
    } catch (XmlRpcException e) {
      return "fault " + e.code;
    } catch (Exception e) {
      return "exception " + e;
    }
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
      RedisProcesses.sleep(100);
    }
  }
}
