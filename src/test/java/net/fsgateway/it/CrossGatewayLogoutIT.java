package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.session.EndedSessions;
import net.fsgateway.session.SessionStore;
import net.fsgateway.support.DelayProxy;
import net.fsgateway.support.RawHttp;
import net.fsgateway.support.TestBackends;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two gateways (two Vert.x instances, each with its session caches) on one Redis, the second one farther from it:
 * a session logged out through one is refused by the other from the moment the logout is answered, in every one
 * of 1,000 rounds, although the other had the session in memory.
 */
@Timeout(300)
class CrossGatewayLogoutIT {
  private static final int ROUNDS = Integer.getInteger("fsgw.logout.rounds", 1000);

  @Test
  void aLogoutOnOneGatewayIsRefusedOnTheOtherFromTheMomentItIsAnswered() throws Exception {
    // B hears from Redis 5 ms late (it is farther from Redis than A), so Redis's invalidation push reaches B
    // well after A has answered the logout.
    int redisPort = Integer.parseInt(TestBackends.redis().url().replaceAll(".*:", "").replaceAll("/.*", ""));
    try (DelayProxy far = new DelayProxy(redisPort, Long.getLong("fsgw.logout.delayMs", 5));
         TestGateway a = TestGateway.start();
         TestGateway b = TestGateway.start(c -> c.withRedis(c.redis().withUrl("redis://127.0.0.1:" + far.port())))) {
      TestReseller reseller = TestReseller.create();
      SessionStore sessions = new SessionStore(RedisClients.create(a.vertx(), TestBackends.redis()), 3600,
          EndedSessions.shared(a.vertx()));
      int served = 0;
      List<Long> logoutMicros = new ArrayList<>();
      // Keep-alive connections, so the call on B follows the logout's answer within microseconds.
      try (RawHttp toA = new RawHttp(a.port()); RawHttp toB = new RawHttp(b.port())) {
        for (int round = 0; round < ROUNDS; round++) {
          String session = sessions.create(reseller.agentnum()).await(10, TimeUnit.SECONDS);
          // Twice, so that B remembers it (the first read may come before its tracking is up).
          assertThat(call(toB, "agent_info", session)).contains("<name>error</name><value><string></string>");
          assertThat(call(toB, "agent_info", session)).contains("<name>error</name><value><string></string>");
          long start = System.nanoTime();
          assertThat(call(toA, "agent_logout", session)).contains("<name>error</name><value><string></string>");
          logoutMicros.add((System.nanoTime() - start) / 1_000);
          if (!call(toB, "agent_info", session).contains("Can't resume session")) {
            served++;
          }
        }
      }
      Collections.sort(logoutMicros);
      System.out.printf("cross-gateway logout: %d of %d rounds served after the logout; agent_logout p50 %d µs,"
          + " p99 %d µs%n", served, ROUNDS, logoutMicros.get(ROUNDS / 2), logoutMicros.get(ROUNDS * 99 / 100));
      assertThat(served).isZero();
    }
  }

  private static String call(RawHttp connection, String method, String session) throws Exception {
    String body = "<?xml version=\"1.0\"?><methodCall><methodName>" + method + "</methodName><params><param><value>"
        + "<struct><member><name>session_id</name><value><string>" + session + "</string></value></member></struct>"
        + "</value></param></params></methodCall>";
    connection.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: "
        + body.length() + "\r\n\r\n" + body);
    return connection.read().text();
  }
}
