package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.Map;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.session.SessionStore;
import net.fsgateway.support.TestBackends;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SessionIT {
  private static TestGateway gateway;
  private static RedisAPI redis;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    redis = RedisClients.create(gateway.vertx(), TestBackends.redis());
  }

  @AfterAll
  static void stop() {
    redis.close();
    gateway.close();
  }

  @Test
  void loginStoresOnlyTheDigestWithAOneHourTtl() throws Exception {
    TestReseller reseller = TestReseller.create();
    Map<String, Object> answer = gateway.call("agent_login",
        Map.of("username", reseller.username(), "password", reseller.password()));
    assertThat(answer.get("error")).isEqualTo("");
    String sessionId = (String) answer.get("session_id");
    assertThat(sessionId).hasSizeGreaterThanOrEqualTo(22);

    Response ttl = redis.ttl(SessionStore.key(sessionId)).await();
    assertThat(ttl.toLong()).isBetween(3590L, 3600L);
    assertThat(redis.get(SessionStore.key(sessionId)).await().toString()).isEqualTo(Long.toString(reseller.agentnum()));
    assertThat(redis.keys("*" + sessionId + "*").await().size()).isZero();
  }

  @Test
  void usingASessionDoesNotRenewIt() throws Exception {
    TestReseller reseller = TestReseller.create();
    String sessionId = reseller.login(gateway);
    redis.expire(java.util.List.of(SessionStore.key(sessionId), "100")).await();
    assertThat(gateway.call("agent_info", Map.of("session_id", sessionId)).get("error")).isEqualTo("");
    assertThat(redis.ttl(SessionStore.key(sessionId)).await().toLong()).isLessThanOrEqualTo(100L);
  }

  @Test
  void usernameIsCaseInsensitive() throws Exception {
    TestReseller reseller = TestReseller.create();
    Map<String, Object> answer = gateway.call("agent_login",
        Map.of("username", reseller.username().toUpperCase(java.util.Locale.ROOT), "password", reseller.password()));
    assertThat(answer.get("error")).isEqualTo("");
  }

  @Test
  void blankCredentialsAreRefused() throws Exception {
    assertThat(gateway.call("agent_login", Map.of("username", "someone", "password", "")))
        .containsEntry("error", "Must specify your reseller username and password.").containsEntry("session_id", "");
    assertThat(gateway.call("agent_login", Map.of("username", "  ", "password", "x")).get("error"))
        .isEqualTo("Must specify your reseller username and password.");
    assertThat(gateway.call("agent_login", Map.of()).get("error"))
        .isEqualTo("Must specify your reseller username and password.");
  }

  @Test
  void wrongPasswordUnknownUserAndDisabledAgentGetTheSameAnswer() throws Exception {
    TestReseller reseller = TestReseller.create();
    String disabled = TestData.unique("off");
    TestData.agent("Disabled", disabled, "right-password", true);
    Map<String, Object> wrong = gateway.call("agent_login",
        Map.of("username", reseller.username(), "password", reseller.password() + "x"));
    Map<String, Object> unknown = gateway.call("agent_login",
        Map.of("username", TestData.unique("nobody"), "password", "whatever"));
    Map<String, Object> off = gateway.call("agent_login", Map.of("username", disabled, "password", "right-password"));
    for (Map<String, Object> answer : java.util.List.of(wrong, unknown, off)) {
      assertThat(answer).containsEntry("error", "Incorrect password.").containsEntry("session_id", "");
    }
  }

  @Test
  void logoutEndsTheSession() throws Exception {
    TestReseller reseller = TestReseller.create();
    String sessionId = reseller.login(gateway);
    assertThat(gateway.call("agent_logout", Map.of("session_id", sessionId))).containsEntry("error", "");
    assertThat(redis.exists(java.util.List.of(SessionStore.key(sessionId))).await().toInteger()).isZero();
    assertThat(gateway.call("agent_info", Map.of("session_id", sessionId)).get("error"))
        .isEqualTo("Can't resume session");
    // As Freeside: a second logout, or one with an unknown session, succeeds; only a missing id is refused.
    assertThat(gateway.call("agent_logout", Map.of("session_id", sessionId))).containsEntry("error", "");
    assertThat(gateway.call("agent_logout", Map.of("session_id", "no-such-session"))).containsEntry("error", "");
    assertThat(gateway.call("agent_logout", Map.of()).get("error")).isEqualTo("Can't resume session");
  }

  @Test
  void everySessionMethodRefusesAnUnknownOrMissingSession() throws Exception {
    for (String method : new String[] {"check_username", "suspend_username", "unsuspend_username", "agent_info",
        "agent_list_customers", "signup_info"}) {
      assertThat(gateway.call(method, Map.of("session_id", "nope", "username", "u", "domain", "d")))
          .as(method).containsEntry("error", "Can't resume session");
      assertThat(gateway.call(method, Map.of())).as(method).containsEntry("error", "Can't resume session");
    }
  }

  @Test
  void multicallCanLogIn() throws Exception {
    TestReseller reseller = TestReseller.create();
    Object[] calls = {
        Map.of("methodName", "FS.SelfService.XMLRPC.agent_login",
            "params", new Object[] {Map.of("username", reseller.username(), "password", reseller.password())}),
        Map.of("methodName", "agent_login",
            "params", new Object[] {Map.of("username", reseller.username(), "password", "wrong")})};
    Object[] results = (Object[]) gateway.client().execute("system.multicall", new Object[] {calls});
    Map<?, ?> first = (Map<?, ?>) ((Object[]) results[0])[0];
    assertThat(first.get("error")).isEqualTo("");
    String sessionId = (String) first.get("session_id");
    assertThat(gateway.call("agent_info", Map.of("session_id", sessionId)).get("agent"))
        .isEqualTo("Reseller " + reseller.username());
    assertThat(((Map<?, ?>) ((Object[]) results[1])[0]).get("error")).isEqualTo("Incorrect password.");
  }
}
