package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Agent B, logged in, can neither see nor change anything of agent A's. */
@Timeout(60)
class TenantIsolationIT {
  private static TestGateway gateway;
  private static TestReseller a;
  private static String sessionB;
  private static String userOfA;
  private static long custOfA;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start();
    a = TestReseller.create();
    TestReseller b = TestReseller.create();
    sessionB = b.login(gateway);
    userOfA = TestData.unique("a");
    custOfA = a.customerWithAccount(TestData.unique("Victim"), userOfA, a.domsvc(), false, false);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void privateDomainOfAnotherAgentIsUnknown() throws Exception {
    assertThat(gateway.call("check_username", Map.of("session_id", sessionB, "username", userOfA,
        "domain", a.privateDomain()))).containsEntry("error", "Unknown domain");
  }

  @Test
  void anotherAgentsAccountCannotBeSuspendedOrUnsuspended() throws Exception {
    Map<String, String> target = Map.of("session_id", sessionB, "username", userOfA, "domain", a.privateDomain());
    assertThat(gateway.call("suspend_username", target)).containsEntry("error", "Not your account");
    TestData.update("UPDATE cust_pkg SET susp = now() WHERE custnum = ?", custOfA);
    assertThat(gateway.call("unsuspend_username", target)).containsEntry("error", "Not your account");
    assertThat(TestData.scalar("SELECT susp IS NOT NULL FROM cust_pkg WHERE custnum = ?", custOfA)).isEqualTo(true);
    assertThat(TestData.scalar("SELECT count(*) FROM audit_log WHERE custnum = ?", custOfA)).isEqualTo(0L);
    TestData.update("UPDATE cust_pkg SET susp = NULL WHERE custnum = ?", custOfA);
  }

  @Test
  void anotherAgentsCustomersAreNeverListedOrCounted() throws Exception {
    for (Map<String, Object> search : java.util.List.<Map<String, Object>>of(
        Map.of("session_id", sessionB, "search", Long.toString(custOfA)),
        Map.of("session_id", sessionB, "search", "victim"),
        Map.of("session_id", sessionB, "active", 1, "prospect", 1, "susp", 1, "cancel", 1))) {
      Map<String, Object> answer = gateway.call("agent_list_customers", search);
      assertThat((Object[]) answer.get("customers")).isEmpty();
    }
    Map<String, Object> info = gateway.call("agent_info", Map.of("session_id", sessionB));
    assertThat(info).containsEntry("num_active", 0).containsEntry("num_prospect", 0);
  }

  @Test
  void anotherAgentsPackagesAndPrivateDomainAreNotOffered() throws Exception {
    Map<String, Object> info = gateway.call("signup_info", Map.of("session_id", sessionB));
    for (Object pkg : (Object[]) info.get("part_pkg")) {
      assertThat(((Map<?, ?>) pkg).get("pkgpart")).isNotEqualTo((int) a.pkgpart());
    }
    for (Object domain : (Object[]) info.get("svc_domain")) {
      assertThat(((Map<?, ?>) domain).get("domain")).isNotEqualTo(a.privateDomain());
    }
  }
}
