package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.Map;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.session.AgentSessions;
import net.fsgateway.session.SessionStore;
import net.fsgateway.support.OwnRedis;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Sessions remembered by the gateway stay exactly as true as Redis: what another gateway (or an operator) does to
 * a session key reaches every gateway's memory by Redis's invalidation push, and a lost push channel forgets
 * everything. Redis here is this test's own server (no other test JVM's gateway reads through it or has its
 * tracking connections killed by this test), so its command counters show what reached it from this gateway.
 * The test that drops the tracking connections runs last: the others measure a cache that is up.
 */
@Timeout(60)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionCacheIT {
  private static OwnRedis server;
  private static TestGateway gateway;
  private static RedisAPI redis;

  @BeforeAll
  static void start() {
    server = OwnRedis.start();
    gateway = TestGateway.start(config -> config.withRedis(server.config()));
    redis = RedisClients.create(gateway.vertx(), server.config());
  }

  @AfterAll
  static void stop() {
    if (redis != null) {
      redis.close();
    }
    if (gateway != null) {
      gateway.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aSessionIsReadFromRedisOnceAndThenRemembered() throws Exception {
    String session = TestReseller.create().login(gateway);
    warm(TestReseller.create().login(gateway));
    long before = sessionReads();
    for (int i = 0; i < 20; i++) {
      assertThat(info(session)).containsEntry("error", "");
    }
    // agent_info is served by one service per HTTP instance (2 here): each reads the session once.
    assertThat(sessionReads() - before).isBetween(1L, 2L);
  }

  @Test
  void aSessionDeletedElsewhereEndsAtOnceOnEveryEventLoop() throws Exception {
    String session = TestReseller.create().login(gateway);
    warm(session);
    // Another gateway's logout, or an operator: straight to Redis, not through this gateway.
    redis.del(List.of(SessionStore.key(session))).await();
    Thread.sleep(100);
    for (int i = 0; i < 6; i++) {
      assertThat(info(session)).containsEntry("error", AgentSessions.CANT_RESUME);
    }
  }

  @Test
  void theCallRightAfterALogoutThroughThisGatewayIsRefused() throws Exception {
    // No pause: the logout's own reply may overtake Redis's invalidation push to the other event loop's cache.
    for (int i = 0; i < 30; i++) {
      String session = TestReseller.create().login(gateway);
      warm(session);
      assertThat(gateway.call("agent_logout", Map.of("session_id", session))).containsEntry("error", "");
      assertThat(info(session)).as("round %d", i).containsEntry("error", AgentSessions.CANT_RESUME);
      assertThat(info(session)).as("round %d", i).containsEntry("error", AgentSessions.CANT_RESUME);
    }
  }

  @Test
  void aShortenedSessionEndsAtItsNewTtl() throws Exception {
    String session = TestReseller.create().login(gateway);
    warm(session);
    redis.pexpire(List.of(SessionStore.key(session), "700")).await();
    Thread.sleep(50);
    assertThat(info(session)).containsEntry("error", "");
    Thread.sleep(900);
    for (int i = 0; i < 6; i++) {
      assertThat(info(session)).containsEntry("error", AgentSessions.CANT_RESUME);
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void losingTheInvalidationChannelForgetsEverythingUntilItIsBack() throws Exception {
    String session = TestReseller.create().login(gateway);
    warm(session);
    assertThat(killTrackingConnections()).isPositive();
    // The gateway learns of the loss when its event loop reads the connection's end; on two busy cores an HTTP
    // call sent right after the kill may be read in the same turn, before it. No call reaches the gateway in this
    // pause, so nothing reconnects the cache and no invalidation can arrive for the delete below.
    Thread.sleep(300);
    // Deleted while no invalidation can arrive: only forgetting on the lost connection keeps this true.
    redis.del(List.of(SessionStore.key(session))).await();
    for (int i = 0; i < 6; i++) {
      assertThat(info(session)).containsEntry("error", AgentSessions.CANT_RESUME);
    }
    // The cache reconnects (at most once a second) and remembers again.
    String next = TestReseller.create().login(gateway);
    Thread.sleep(1_100);
    warm(next);
    Thread.sleep(200);
    long before = sessionReads();
    warm(next);
    assertThat(sessionReads() - before).isZero();
  }

  private static void warm(String session) throws Exception {
    for (int i = 0; i < 6; i++) {
      assertThat(info(session)).containsEntry("error", "");
    }
  }

  private static Map<String, Object> info(String session) throws Exception {
    return gateway.call("agent_info", Map.of("session_id", session));
  }

  /** Session reads that reached Redis: each is a GET, and through the cache a GET + PTTL. */
  private static long sessionReads() {
    return commandCalls("get");
  }

  private static long commandCalls(String command) {
    String stats = redis.info(List.of("commandstats")).await().toString();
    for (String line : stats.split("\r?\n")) {
      if (line.startsWith("cmdstat_" + command + ":calls=")) {
        return Long.parseLong(line.substring(line.indexOf('=') + 1, line.indexOf(',')));
      }
    }
    return 0;
  }

  private static int killTrackingConnections() {
    int killed = 0;
    for (String client : redis.client(List.of("LIST")).await().toString().split("\n")) {
      if (client.matches(".*\\bflags=\\w*t\\w*\\b.*")) {
        String id = client.replaceAll("^id=(\\d+).*$", "$1").trim();
        redis.client(List.of("KILL", "ID", id)).await();
        killed++;
      }
    }
    return killed;
  }
}
