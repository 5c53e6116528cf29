package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ProvisioningIT {
  private static TestGateway gateway;
  private static TestReseller reseller;
  private static String session;
  private static String sharedDomain;
  private static long sharedSvcnum;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start();
    reseller = TestReseller.create();
    session = reseller.login(gateway);
    sharedDomain = TestData.unique("shared") + ".example";
    sharedSvcnum = TestData.domain(sharedDomain, null);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static Map<String, Object> call(String method, Object... keyValues) throws Exception {
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("session_id", session);
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put((String) keyValues[i], keyValues[i + 1]);
    }
    return gateway.call(method, params);
  }

  @Test
  void checkUsernameIsCaseInsensitiveOnSharedAndOwnDomains() throws Exception {
    String user = TestData.unique("u");
    reseller.customerWithAccount(TestData.unique("L"), user, sharedSvcnum, false, false);
    assertThat(call("check_username", "username", user.toUpperCase(java.util.Locale.ROOT), "domain",
        sharedDomain.toUpperCase(java.util.Locale.ROOT))).containsEntry("error", "").containsEntry("available", "0");
    assertThat(call("check_username", "username", TestData.unique("free"), "domain", sharedDomain))
        .containsEntry("error", "").containsEntry("available", "1");
    assertThat(call("check_username", "username", user, "domain", reseller.privateDomain()))
        .containsEntry("available", "1");
  }

  @Test
  void checkUsernameOnAnUnknownDomainIsAnError() throws Exception {
    assertThat(call("check_username", "username", "x", "domain", TestData.unique("none") + ".example"))
        .containsEntry("error", "Unknown domain").doesNotContainKey("available");
    assertThat(call("check_username", "username", "x", "domain", "")).containsEntry("error", "Unknown domain");
    assertThat(call("check_username", "username", "", "domain", sharedDomain))
        .containsEntry("error", "Must specify a username and domain.");
  }

  @Test
  void suspendAndUnsuspendAreAuditedAndIdempotent() throws Exception {
    String user = TestData.unique("s");
    long custnum = reseller.customerWithAccount(TestData.unique("L"), user, reseller.domsvc(), false, false);
    assertThat(call("suspend_username", "username", user, "domain", reseller.privateDomain()))
        .containsEntry("error", "");
    assertThat(TestData.scalar("SELECT p.susp IS NOT NULL FROM cust_pkg p WHERE p.custnum = ?", custnum))
        .isEqualTo(true);
    assertThat(call("suspend_username", "username", user, "domain", reseller.privateDomain()))
        .containsEntry("error", "");
    assertThat(call("unsuspend_username", "username", user.toUpperCase(java.util.Locale.ROOT), "domain",
        reseller.privateDomain())).containsEntry("error", "");
    assertThat(call("unsuspend_username", "username", user, "domain", reseller.privateDomain()))
        .containsEntry("error", "");
    assertThat(TestData.scalar("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE custnum = ?"
        + " AND agentnum = ?", custnum, reseller.agentnum())).isEqualTo("suspend,unsuspend");
  }

  @Test
  void suspendReportsMissingAndCancelledAccounts() throws Exception {
    assertThat(call("suspend_username", "username", TestData.unique("ghost"), "domain", sharedDomain))
        .containsEntry("error", "Account not found");
    String user = TestData.unique("c");
    long custnum = reseller.customerWithAccount(TestData.unique("L"), user, sharedSvcnum, false, true);
    Object pkgnum = TestData.scalar("SELECT pkgnum FROM cust_pkg WHERE custnum = ?", custnum);
    assertThat(call("suspend_username", "username", user, "domain", sharedDomain))
        .containsEntry("error", "Can't suspend cancelled package " + pkgnum);
    assertThat(call("unsuspend_username", "username", user, "domain", sharedDomain))
        .containsEntry("error", "Can't unsuspend cancelled package " + pkgnum);
  }

  @Test
  void agentInfoCountsCustomersByStatus() throws Exception {
    TestReseller fresh = TestReseller.create();
    TestData.customer(fresh.agentnum(), "A", "Prospect", "");
    fresh.customerWithAccount("Active", TestData.unique("a"), fresh.domsvc(), false, false);
    long both = fresh.customerWithAccount("Mixed", TestData.unique("m"), fresh.domsvc(), true, false);
    TestData.custPkg(both, fresh.pkgpart(), false, false);
    fresh.customerWithAccount("Susp", TestData.unique("s"), fresh.domsvc(), true, false);
    long gone = fresh.customerWithAccount("Gone", TestData.unique("g"), fresh.domsvc(), false, true);
    TestData.custPkg(gone, fresh.pkgpart(), true, true);
    Map<String, Object> info = gateway.call("agent_info", Map.of("session_id", fresh.login(gateway)));
    assertThat(info).containsEntry("error", "").containsEntry("agentnum", String.valueOf(fresh.agentnum()))
        .containsEntry("agent", "Reseller " + fresh.username())
        .containsEntry("num_prospect", "1").containsEntry("num_active", "2")
        .containsEntry("num_susp", "1").containsEntry("num_cancel", "1");
  }

  @Test
  void listCustomersByNumberNameCompanyAndFlags() throws Exception {
    TestReseller fresh = TestReseller.create();
    String fresh1 = fresh.login(gateway);
    long smith = TestData.customer(fresh.agentnum(), "Ann", "Smith", "");
    long smithson = TestData.customer(fresh.agentnum(), "Bob", "Smithson", "");
    long acme = TestData.customer(fresh.agentnum(), "Cy", "Jones", "ACME Smith Ltd");
    long suspended = fresh.customerWithAccount("Other", TestData.unique("x"), fresh.domsvc(), true, false);

    assertThat(custnums(list(fresh1, "search", " " + smithson + " "))).containsExactly(smithson);
    assertThat(custnums(list(fresh1, "search", "SMITH"))).containsExactly(smith, smithson, acme);
    assertThat(custnums(list(fresh1, "search", "acme smith ltd"))).containsExactly(acme);
    assertThat(custnums(list(fresh1, "susp", 1))).containsExactly(suspended);
    assertThat(custnums(list(fresh1, "prospect", "1", "active", "0"))).containsExactly(smith, smithson, acme);
    assertThat(custnums(list(fresh1, "search", "Smith", "susp", true))).containsExactly(smith, smithson, acme, suspended);
    assertThat(custnums(list(fresh1))).isEmpty();

    Map<?, ?> first = (Map<?, ?>) ((Object[]) list(fresh1, "search", "jones").get("customers"))[0];
    assertThat(first.get("name")).isEqualTo("ACME Smith Ltd (Jones, Cy)");
    assertThat(first.get("status")).isEqualTo("prospect");
    assertThat(first.get("paymask")).isEqualTo("411111xxxxxx1111");
    assertThat(first.containsKey("payinfo") || first.containsKey("paycvv") || first.containsKey("payinfo_enc"))
        .isFalse();
  }

  @Test
  void listCustomersHasNoCapAndPagesWithLimitAndOffset() throws Exception {
    TestReseller fresh = TestReseller.create();
    List<Long> all = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) {
      all.add(TestData.customer(fresh.agentnum(), "P" + i, "Many", ""));
    }
    String session = fresh.login(gateway);
    Map<String, Object> answer = list(session, "prospect", 1);
    assertThat(custnums(answer)).containsExactlyElementsOf(all);
    assertThat(answer).doesNotContainKey("truncated");
    assertThat(custnums(list(session, "prospect", 1, "limit", 20, "offset", 140))).containsExactlyElementsOf(
        all.subList(140, 150));
    assertThat(custnums(list(session, "search", "many", "limit", "2"))).containsExactlyElementsOf(all.subList(0, 2));
    assertThat(custnums(list(session, "prospect", 1, "limit", 0))).isEmpty();
  }

  @Test
  void signupInfoGivesWhatFreesidesGivesAnAgent() throws Exception {
    Map<String, Object> info = call("signup_info");
    assertThat(info).containsEntry("error", "");
    assertThat(stringly(info.get("part_pkg"))).isEqualTo(List.of(Map.of("pkgpart", String.valueOf(reseller.pkgpart()),
        "pkg", "Pkg " + reseller.username(), "setup_fee", "10.00", "recur_fee", "19.95", "freq", "1",
        "freq_pretty", "monthly", "promo_code", "", "options", Map.of("setup_fee", "10.00", "recur_fee", "19.95"),
        "payby", List.of("CARD", "CHEK", "PREPAY"))));
    List<Object> domains = Arrays.asList((Object[]) info.get("svc_domain"));
    assertThat(domains).contains(Map.of("svcnum", String.valueOf(reseller.domsvc()), "domain", reseller.privateDomain()),
        Map.of("svcnum", String.valueOf(sharedSvcnum), "domain", sharedDomain));
    assertThat(stringly(info.get("payby"))).isEqualTo(List.of("CARD", "CHEK", "PREPAY"));
    assertThat(stringly(info.get("payby_longname")))
        .isEqualTo(List.of("Credit card (automatic)", "Electronic check (automatic)", "Prepaid card"));
    assertThat(stringly(info.get("cust_main_county"))).asList()
        .allSatisfy(row -> assertThat(new java.util.TreeSet<Object>(((Map<?, ?>) row).keySet()))
            .containsExactly("country", "county", "state", "taxnum"))
        .anySatisfy(row -> assertThat(asMap(row)).containsEntry("country", "US").containsEntry("state", "NY"))
        .anySatisfy(row -> assertThat(asMap(row)).containsEntry("country", "CA").containsEntry("state", "ON"))
        .anySatisfy(row -> assertThat(asMap(row)).containsEntry("country", "GB").containsEntry("state", ""));
    assertThat(stringly(info.get("part_referral"))).asList()
        .contains(Map.of("refnum", "1", "referral", "Direct", "agentnum", "", "title", "", "disabled", ""));
    assertThat(String.valueOf(info.get("agent"))).isEqualTo("Reseller " + reseller.username());
    assertThat(String.valueOf(info.get("agent_name"))).isEqualTo("Reseller " + reseller.username());
    assertThat(asMap(info.get("card_types"))).containsEntry("VISA", "VISA card")
        .containsEntry("American Express", "American Express card").hasSize(6);
    assertThat(stringly(Map.of("cvv", info.get("cvv_enabled"), "require", info.get("require_cvv"),
        "country", info.get("countrydefault"), "state", info.get("statedefault"), "service", info.get("signup_service"),
        "pkgpart", info.get("default_pkgpart"), "refnum", info.get("refnum"))))
        .isEqualTo(Map.of("cvv", "1", "require", "", "country", "US", "state", "CA", "service", "svc_acct",
            "pkgpart", "", "refnum", "1"));
    assertThat((Object[]) info.get("svc_acct_pop")).as("the gateway has no POPs").isEmpty();
    assertThat(asMap(info.get("msgcat"))).containsEntry("invalid_card", "Invalid credit card number")
        .containsEntry("empty_password", "Empty password");
    assertThat(asMap(info.get("label"))).containsEntry("stateid", "Driver's License");
    assertThat(stringly(info.get("hide_payment_fields"))).isEqualTo(List.of("0", "0", "0"));
    assertThat(stringly(info.get("paytypes"))).asList().contains("Personal checking");
    assertThat(stringly(Map.of("emailinvoiceonly", info.get("emailinvoiceonly"),
        "stateid", info.get("stateid_enabled"))))
        .isEqualTo(Map.of("emailinvoiceonly", "", "stateid", "1"));
  }

  /**
   * signup_info keeps its answer while the rows are unchanged (issue 15), so every kind of row it reads is changed
   * here between calls, and each change must show at once.
   */
  @Test
  void signupInfoShowsEveryChangeToItsRowsAtOnce() throws Exception {
    TestReseller own = TestReseller.create();
    String ownSession = own.login(gateway);
    Object first = stringly(signupInfo(ownSession));
    assertThat(stringly(signupInfo(ownSession))).as("unchanged rows").isEqualTo(first);

    TestData.update("UPDATE part_pkg SET pkg = ? WHERE pkgpart = ?", "Renamed " + own.username(), own.pkgpart());
    assertThat(field(signupInfo(ownSession), "part_pkg", "pkg")).containsExactly("Renamed " + own.username());

    String county = TestData.unique("County");
    TestData.update("INSERT INTO cust_main_county (country, state, county) VALUES ('US', 'NY', ?)", county);
    try {
      assertThat(field(signupInfo(ownSession), "cust_main_county", "county")).contains(county);
    } finally {
      TestData.update("DELETE FROM cust_main_county WHERE county = ?", county);
    }
    assertThat(field(signupInfo(ownSession), "cust_main_county", "county")).doesNotContain(county);

    long svcnum = TestData.domain(TestData.unique("own") + ".example", own.agentnum());
    assertThat(field(signupInfo(ownSession), "svc_domain", "svcnum")).contains(String.valueOf(svcnum));
    TestData.update("UPDATE agent SET agent = ? WHERE agentnum = ?", "Renamed reseller", own.agentnum());
    assertThat(String.valueOf(signupInfo(ownSession).get("agent_name"))).isEqualTo("Renamed reseller");
  }

  private static Map<String, Object> signupInfo(String sessionId) throws Exception {
    Map<String, Object> answer = gateway.call("signup_info", Map.of("session_id", sessionId));
    assertThat(answer).containsEntry("error", "");
    return answer;
  }

  /** {@code member} of each struct in the answer's array {@code list}, as text. */
  private static List<String> field(Map<String, Object> answer, String list, String member) {
    return Arrays.stream((Object[]) answer.get(list)).map(row -> String.valueOf(asMap(row).get(member))).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  /** Arrays as lists, structs as maps, every scalar as its text: holds whether answers are typed or strings. */
  static Object stringly(Object value) {
    if (value instanceof Object[] array) {
      return Arrays.stream(array).map(ProvisioningIT::stringly).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new java.util.HashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), stringly(v)));
      return out;
    }
    return String.valueOf(value);
  }

  static Map<String, Object> list(String sessionId, Object... keyValues) throws Exception {
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("session_id", sessionId);
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put((String) keyValues[i], keyValues[i + 1]);
    }
    Map<String, Object> answer = gateway.call("agent_list_customers", params);
    assertThat(answer).containsEntry("error", "");
    return answer;
  }

  static List<Long> custnums(Map<String, Object> answer) {
    return Arrays.stream((Object[]) answer.get("customers"))
        .map(c -> Long.valueOf(String.valueOf(((Map<?, ?>) c).get("custnum")))).toList();
  }
}
