package net.fsgateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.fsgateway.config.RedisConfig;
import net.fsgateway.config.ThrottleConfig;
import net.fsgateway.session.AgentSessions;
import net.fsgateway.session.LoginThrottle;
import net.fsgateway.support.RedisProcesses;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code redis.type=cluster} on a real three-master cluster on loopback (ports 27201-27203): sessions spread over
 * the masters by their digests (cluster bus on 27211-27213), every login-throttle key sits in the one slot of its hash tag (so its MGET and its
 * script stay single-slot), and no connection asks for server-assisted invalidation (the session cache is off).
 */
@Tag("fleet")
@Timeout(90)
class RedisClusterIT {
  private static final int[] NODES = {27201, 27202, 27203};
  private static RedisProcesses redis;
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    redis = new RedisProcesses("cluster");
    try {
      for (int port : NODES) {
        redis.clusterNode(port, port + 10);
      }
      redis.createCluster(NODES);
      List<String> seeds = new ArrayList<>();
      for (int port : NODES) {
        seeds.add("redis://127.0.0.1:" + port);
      }
      RedisConfig cluster = new RedisConfig("", 8, 1024, RedisConfig.Type.CLUSTER, seeds, "", "", "");
      gateway = TestGateway.start(c -> c.withRedis(cluster)
          .withThrottle(new ThrottleConfig(3, 4, Integer.MAX_VALUE, 60, 30)));
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    redis.close();
  }

  @Test
  void sessionsSpreadOverTheMastersAndALogoutEndsOneAtOnce() throws Exception {
    TestReseller reseller = TestReseller.create();
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      sessions.add(reseller.login(gateway));
    }
    for (String session : sessions) {
      assertThat(RedisSentinelIT.check(gateway, session, reseller.privateDomain())).isEqualTo("");
    }
    long mastersHoldingSessions = Arrays.stream(NODES)
        .filter(port -> !redis.cli(port, "KEYS", "fsgw:session:*").isEmpty()).count();
    assertThat(mastersHoldingSessions).as("12 sessions on more than one master").isGreaterThan(1);

    String ended = sessions.get(0);
    assertThat(gateway.call("agent_logout", Map.of("session_id", ended))).containsEntry("error", "");
    assertThat(RedisSentinelIT.check(gateway, ended, reseller.privateDomain())).isEqualTo(AgentSessions.CANT_RESUME);
    assertThat(RedisSentinelIT.check(gateway, sessions.get(1), reseller.privateDomain())).isEqualTo("");
  }

  @Test
  void theThrottleLocksAUsernameAndKeepsItsKeysInOneSlot() throws Exception {
    TestReseller reseller = TestReseller.create();
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answers.add(String.valueOf(gateway.call("agent_login",
          Map.of("username", reseller.username(), "password", "wrong")).get("error")));
    }
    assertThat(answers).containsExactly("Incorrect password.", "Incorrect password.", "Incorrect password.",
        "Incorrect password.", LoginThrottle.TOO_MANY_FAILURES, LoginThrottle.TOO_MANY_FAILURES);
    assertThat(gateway.call("agent_login", Map.of("username", reseller.username(), "password", reseller.password())))
        .containsEntry("error", LoginThrottle.TOO_MANY_FAILURES);

    String slot = redis.cli(NODES[0], "CLUSTER", "KEYSLOT", "{login}");
    int found = 0;
    for (int port : NODES) {
      String keys = redis.cli(port, "KEYS", "fsgw:*login*");
      if (keys.isEmpty()) {
        continue;
      }
      for (String key : keys.split("\n")) {
        assertThat(redis.cli(port, "CLUSTER", "KEYSLOT", key.trim())).as(key).isEqualTo(slot);
        found++;
      }
    }
    assertThat(found).as("throttle keys found").isPositive();
  }

  @Test
  void noConnectionAsksForServerAssistedInvalidation() throws Exception {
    TestReseller reseller = TestReseller.create();
    String session = reseller.login(gateway);
    assertThat(RedisSentinelIT.check(gateway, session, reseller.privateDomain())).isEqualTo("");
    for (int port : NODES) {
      assertThat(redis.cli(port, "CLIENT", "LIST")).as("node %d", port).doesNotContainPattern("flags=\\S*t");
    }
  }
}
