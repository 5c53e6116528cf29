package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Agent B, logged in, can neither see nor change anything of agent A's, through every session method and
 * whatever the input: A's numbers, names, domains, packages, session id variants, and SQL/LIKE metacharacters.
 */
@Timeout(60)
class TenantIsolationIT {
  private static final String[] HOSTILE = {"' OR 1=1 --", "%", "_", "\\", "%%", "'", "\" OR \"\"=\"", "*",
      "victim%", "%victim%", "_ictim", "1 OR 1=1", "0; DELETE FROM cust_main"};

  private static TestGateway gateway;
  private static TestReseller a;
  private static TestReseller b;
  private static String sessionA;
  private static String sessionB;
  private static String userOfA;
  private static String lastOfA;
  private static String companyOfA;
  private static long custOfA;
  private static List<Long> customersOfA;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start();
    a = TestReseller.create();
    b = TestReseller.create();
    sessionA = a.login(gateway);
    sessionB = b.login(gateway);
    userOfA = TestData.unique("a");
    lastOfA = TestData.unique("Victim");
    custOfA = a.customerWithAccount(lastOfA, userOfA, a.domsvc(), false, false);
    companyOfA = TestData.unique("VictimCo");
    long suspendedOfA = TestData.customer(a.agentnum(), "Sam", TestData.unique("Victim"), companyOfA);
    TestData.custPkg(suspendedOfA, a.pkgpart(), true, false);
    long cancelledOfA = TestData.customer(a.agentnum(), "Cat", TestData.unique("Victim"), "");
    TestData.custPkg(cancelledOfA, a.pkgpart(), false, true);
    long prospectOfA = TestData.customer(a.agentnum(), "Pro", TestData.unique("Victim"), "");
    customersOfA = List.of(custOfA, suspendedOfA, cancelledOfA, prospectOfA);
    b.customerWithAccount("Bee", TestData.unique("b"), b.domsvc(), false, false);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void privateDomainOfAnotherAgentIsUnknown() throws Exception {
    assertThat(gateway.call("check_username", Map.of("session_id", sessionB, "username", userOfA,
        "domain", a.privateDomain()))).containsEntry("error", "Unknown domain");
    assertThat(gateway.call("check_username", Map.of("session_id", sessionB, "username", "fresh",
        "domain", a.privateDomain().toUpperCase(Locale.ROOT)))).containsEntry("error", "Unknown domain");
  }

  @Test
  void anotherAgentsAccountCannotBeSuspendedOrUnsuspended() throws Exception {
    Map<String, String> target = Map.of("session_id", sessionB, "username", userOfA, "domain", a.privateDomain());
    assertThat(gateway.call("suspend_username", target)).containsEntry("error", "Not your account");
    assertThat(TestData.scalar("SELECT bool_and(susp IS NULL) FROM cust_pkg WHERE custnum = ?", custOfA))
        .isEqualTo(true);
    TestData.update("UPDATE cust_pkg SET susp = now() WHERE custnum = ?", custOfA);
    assertThat(gateway.call("unsuspend_username", target)).containsEntry("error", "Not your account");
    assertThat(TestData.scalar("SELECT susp IS NOT NULL FROM cust_pkg WHERE custnum = ?", custOfA)).isEqualTo(true);
    assertThat(TestData.scalar("SELECT count(*) FROM audit_log WHERE custnum = ?", custOfA)).isEqualTo(0L);
    TestData.update("UPDATE cust_pkg SET susp = NULL WHERE custnum = ?", custOfA);
  }

  @Test
  void anotherAgentsCustomersAreNeverListed() throws Exception {
    List<Map<String, Object>> searches = new ArrayList<>();
    for (long custnum : customersOfA) {
      searches.add(Map.of("session_id", sessionB, "search", Long.toString(custnum)));
    }
    for (String text : new String[] {lastOfA, lastOfA.toUpperCase(Locale.ROOT), "victim", companyOfA, "Pat", "Sam"}) {
      searches.add(Map.of("session_id", sessionB, "search", text));
    }
    searches.add(Map.of("session_id", sessionB, "prospect", 1, "active", 1, "susp", 1, "cancel", 1));
    searches.add(Map.of("session_id", sessionB, "agentnum", (int) a.agentnum(), "active", 1, "prospect", 1));
    for (Map<String, Object> search : searches) {
      assertThat(listedCustnums(search)).as(search.toString()).doesNotContainAnyElementsOf(customersOfA);
    }
  }

  @Test
  void agentInfoCountsOnlyTheAgentsOwnCustomers() throws Exception {
    for (Map<String, Object> params : List.<Map<String, Object>>of(Map.of("session_id", sessionB),
        Map.of("session_id", sessionB, "agentnum", (int) a.agentnum()))) {
      assertThat(gateway.call("agent_info", params))
          .containsEntry("agent", "Reseller " + b.username())
          .containsEntry("num_active", "1").containsEntry("num_prospect", "0")
          .containsEntry("num_susp", "0").containsEntry("num_cancel", "0");
    }
  }

  @Test
  void anotherAgentsPackagesAndPrivateDomainAreNotOffered() throws Exception {
    Map<String, Object> info = gateway.call("signup_info", Map.of("session_id", sessionB));
    for (Object pkg : (Object[]) info.get("part_pkg")) {
      assertThat(((Map<?, ?>) pkg).get("pkgpart")).isNotEqualTo(String.valueOf(a.pkgpart()));
    }
    for (Object domain : (Object[]) info.get("svc_domain")) {
      assertThat(((Map<?, ?>) domain).get("domain")).isNotEqualTo(a.privateDomain());
      assertThat(((Map<?, ?>) domain).get("svcnum")).isNotEqualTo(String.valueOf(a.domsvc()));
    }
  }

  @Test
  void newCustomerRefusesAnotherAgentsPackageAndDomain() throws Exception {
    String username = TestData.unique("n");
    Map<String, Object> withPackageOfA = signup(username, a.pkgpart());
    withPackageOfA.put("domsvc", (int) b.domsvc());
    assertThat(gateway.call("new_customer", withPackageOfA))
        .containsEntry("error", "agent " + b.agentnum() + ":Reseller " + b.username() + " can't purchase pkgpart "
            + a.pkgpart());

    Map<String, Object> withDomainNameOfA = signup(username, b.pkgpart());
    withDomainNameOfA.put("domain", a.privateDomain());
    assertThat(gateway.call("new_customer", withDomainNameOfA)).containsEntry("error", "domain: Unknown domain");

    Map<String, Object> withDomsvcOfA = signup(username, b.pkgpart());
    withDomsvcOfA.put("domsvc", (int) a.domsvc());
    assertThat(gateway.call("new_customer", withDomsvcOfA)).containsEntry("error", "domsvc: Unknown domain");

    assertThat(TestData.scalar("SELECT count(*) FROM svc_acct WHERE username = ?", username)).isEqualTo(0L);
  }

  @Test
  void variantsOfAnotherAgentsSessionIdDoNotResolve() throws Exception {
    List<String> variants = new ArrayList<>(List.of(
        sessionA.toUpperCase(Locale.ROOT), sessionA.toLowerCase(Locale.ROOT),
        sessionA.substring(0, sessionA.length() - 1), sessionA.substring(0, sessionA.length() / 2),
        sessionA + "x", sessionA.substring(0, 5) + " " + sessionA.substring(5), sessionB + sessionA,
        sessionB.substring(0, 8) + sessionA.substring(8)));
    variants.removeIf(sessionA::equals);
    for (String variant : variants) {
      for (String method : new String[] {"agent_info", "agent_list_customers", "signup_info"}) {
        assertThat(gateway.call(method, Map.of("session_id", variant, "active", 1)))
            .as(method + " " + variant).containsEntry("error", "Can't resume session");
      }
    }
    assertThat(gateway.call("agent_info", Map.of("session_id", " " + sessionB + "\n")))
        .containsEntry("agent", "Reseller " + b.username());
  }

  @Test
  void hostileInputLeaksNothingOfAnotherAgent() throws Exception {
    for (String text : HOSTILE) {
      assertThat(listedCustnums(Map.of("session_id", sessionB, "search", text)))
          .as("search %s", text).isEmpty();
      assertThat(gateway.call("check_username", Map.of("session_id", sessionB, "username", text,
          "domain", text)).get("error")).as("check_username %s", text).isNotEqualTo("");
      for (String method : new String[] {"suspend_username", "unsuspend_username"}) {
        Object error = gateway.call(method, Map.of("session_id", sessionB, "username", text,
            "domain", a.privateDomain())).get("error");
        assertThat(error).as("%s %s", method, text).isIn("Not your account", "Account not found");
      }
    }
    assertThat(TestData.scalar("SELECT count(*) FROM cust_main WHERE agentnum = ?", a.agentnum())).isEqualTo(4L);
    assertThat(TestData.scalar("SELECT count(*) FROM cust_pkg p JOIN cust_main c USING (custnum)"
        + " WHERE c.agentnum = ? AND p.susp IS NOT NULL", a.agentnum())).isEqualTo(1L);
  }

  private static List<Long> listedCustnums(Map<String, Object> search) throws Exception {
    Map<String, Object> answer = gateway.call("agent_list_customers", search);
    assertThat(answer).containsEntry("error", "");
    return Arrays.stream((Object[]) answer.get("customers"))
        .map(c -> Long.valueOf(String.valueOf(((Map<?, ?>) c).get("custnum")))).toList();
  }

  private static Map<String, Object> signup(String username, long pkgpart) {
    Map<String, Object> s = new HashMap<>();
    s.put("session_id", sessionB);
    s.put("first", "Tofu");
    s.put("last", "Beast");
    s.put("address1", "1234 Soybean Ln.");
    s.put("city", "Tofutown");
    s.put("state", "CA");
    s.put("zip", "02134");
    s.put("country", "US");
    s.put("invoicing_list", "tofu@example.com");
    s.put("payby", "CARD");
    s.put("payinfo", "4111111111111111");
    s.put("paycvv", "123");
    s.put("paydate", "11/2031");
    s.put("payname", "Tofu Beast");
    s.put("pkgpart", (int) pkgpart);
    s.put("username", username);
    s.put("_password", "s33kret!");
    return s;
  }
}
