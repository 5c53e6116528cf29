package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.fsgateway.support.LogCapture;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** No log event, at any level and the access log included, carries a session id or an agent password. */
@Timeout(60)
class SecretLoggingIT {

  @Test
  void sessionIdsAndPasswordsAreNeverLogged() throws Exception {
    String sessionId;
    TestReseller reseller;
    List<String> logged;
    try (LogCapture capture = new LogCapture(); TestGateway gateway = TestGateway.start()) {
      reseller = TestReseller.create();
      sessionId = reseller.login(gateway);
      gateway.call("agent_info", Map.of("session_id", sessionId));
      gateway.call("agent_list_customers", Map.of("session_id", sessionId, "search", "x"));
      gateway.call("agent_logout", Map.of("session_id", sessionId));
      assertThat(gateway.call("agent_info", Map.of("session_id", sessionId)).get("error"))
          .isEqualTo("Can't resume session");
      gateway.call("agent_login", Map.of("username", reseller.username(), "password", reseller.password() + "x"));
      logged = capture.texts();
    }
    assertThat(logged).as("the gateway logs something, so the check is not vacuous").isNotEmpty();
    assertThat(logged).noneMatch(text -> text.contains(sessionId) || text.contains(reseller.password()));
    assertThat(logged).as("the access log has a line per call (login, info, list, logout, info, failed login)")
        .filteredOn(text -> text.startsWith("fsgateway.access: ")).hasSizeGreaterThanOrEqualTo(6);
  }
}
