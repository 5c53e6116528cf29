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

/**
 * agent_list_customers as Freeside's answers it: each customer with every column but the secrets, the billing
 * address, the location numbers and the status members; found as Freeside's customer search finds them.
 */
@Timeout(60)
class CustomerListingIT {
  private static TestGateway gateway;
  private static TestReseller reseller;
  private static String session;
  private static long ann;
  private static long bob;
  private static long acme;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start();
    reseller = TestReseller.create();
    session = reseller.login(gateway);
    ann = customer("Ann", "Walker", "", "(555) 201-3344", "", "");
    bob = customer("Bob", "Stone", "", "", "1-555-777-8899 x12", "bob@example.org");
    acme = customer("Cy", "Reyes", "Globex Corp", "", "", "");
    TestData.update("INSERT INTO cust_location (custnum, address1, address2, city, state, zip, country)"
        + " VALUES (?, '1 Main St', 'Apt 2', 'Springfield', 'IL', '62701', 'US')", ann);
    TestData.update("UPDATE cust_main SET bill_locationnum = l.locationnum, ship_locationnum = l.locationnum"
        + " FROM cust_location l WHERE l.custnum = cust_main.custnum AND cust_main.custnum = ?", ann);
    TestData.update("UPDATE cust_main SET mobile = '555 404 7788' WHERE custnum = ?", acme);
    TestData.custPkg(bob, reseller.pkgpart(), true, false);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static long customer(String first, String last, String company, String daytime, String night,
                               String email) {
    long custnum = TestData.customer(reseller.agentnum(), first, last, company);
    TestData.update("UPDATE cust_main SET daytime = ?, night = ? WHERE custnum = ?", daytime, night, custnum);
    if (!email.isEmpty()) {
      TestData.update("INSERT INTO cust_main_invoice (custnum, dest) VALUES (?, ?)", custnum, email);
    }
    return custnum;
  }

  @Test
  void searchesAsFreesidesCustomerSearch() throws Exception {
    assertThat(found(String.valueOf(ann))).containsExactly(ann);
    assertThat(found("555.201.3344")).containsExactly(ann);
    assertThat(found("+1 555 201 3344")).containsExactly(ann);
    assertThat(found("5557778899")).containsExactly(bob);
    assertThat(found("(555) 404-7788")).containsExactly(acme);
    assertThat(found("BOB@example.org")).containsExactly(bob);
    assertThat(found("Walker, Ann")).containsExactly(ann);
    assertThat(found("ann walker")).containsExactly(ann);
    assertThat(found("bob")).containsExactly(bob);
    assertThat(found("stone")).containsExactly(bob);
    assertThat(found("globex corp")).containsExactly(acme);
    assertThat(found("Globex Corp (Reyes, Cy)")).containsExactly(acme);
    assertThat(found("globex")).containsExactly(acme);
    assertThat(found("nobody at all")).isEmpty();
  }

  @Test
  void eachCustomerCarriesItsColumnsAddressAndStatusButNoSecret() throws Exception {
    Map<String, Object> a = only(list("search", String.valueOf(ann)));
    assertThat(a).containsEntry("custnum", String.valueOf(ann)).containsEntry("agentnum",
        String.valueOf(reseller.agentnum())).containsEntry("first", "Ann").containsEntry("last", "Walker")
        .containsEntry("daytime", "(555) 201-3344").containsEntry("payby", "CARD")
        .containsEntry("paymask", "411111xxxxxx1111").containsEntry("paydate", "")
        .containsEntry("name", "Walker, Ann").containsEntry("status", "prospect")
        .containsEntry("cust_status", "prospect").containsEntry("status_label", "No packages")
        .containsEntry("statuscolor", "FF00F5").containsEntry("address1", "1 Main St")
        .containsEntry("address2", "Apt 2").containsEntry("city", "Springfield").containsEntry("state", "IL")
        .containsEntry("zip", "62701").containsEntry("country", "US")
        .containsKeys("signupdate", "company", "night", "fax", "payname", "bill_locationnum", "ship_locationnum");
    assertThat(Long.parseLong((String) a.get("signupdate"))).isBetween(1_600_000_000L, 4_000_000_000L);
    assertThat(a.get("bill_locationnum")).isEqualTo(String.valueOf(TestData.scalar(
        "SELECT locationnum FROM cust_location WHERE custnum = ?", ann)));
    assertThat(a.keySet())
        .noneMatch(k -> k.endsWith("_enc") || k.equals("payinfo") || k.equals("paycvv"));

    Map<String, Object> b = only(list("search", "bob"));
    assertThat(b).containsEntry("status", "suspended").containsEntry("status_label", "Suspended")
        .containsEntry("statuscolor", "FF9900");
  }

  @Test
  void flagsAddEveryCustomerOfAStatusOnceAndPagingFollowsTheSameOrder() throws Exception {
    assertThat(custnums(list("search", "bob", "susp", 1))).containsExactly(bob);
    assertThat(custnums(list("prospect", 1))).containsExactly(ann, acme);
    assertThat(custnums(list("prospect", 1, "susp", "1"))).containsExactly(ann, bob, acme);
    assertThat(custnums(list("prospect", 1, "susp", "1", "offset", 1, "limit", 1))).containsExactly(bob);
  }

  @Test
  void insideAMulticallTheListingIsOneWholeValue() throws Exception {
    Object[] results = (Object[]) gateway.client().execute("system.multicall", new Object[] {new Object[] {
        Map.of("methodName", "FS.SelfService.XMLRPC.agent_list_customers",
            "params", new Object[] {"session_id", session, "prospect", "1"}),
        Map.of("methodName", "agent_info", "params", new Object[] {Map.of("session_id", session)})}});
    Map<?, ?> listing = (Map<?, ?>) ((Object[]) results[0])[0];
    assertThat(Arrays.stream((Object[]) listing.get("customers"))
        .map(c -> String.valueOf(((Map<?, ?>) c).get("custnum")))).containsExactly(String.valueOf(ann),
        String.valueOf(acme));
    assertThat(((Map<?, ?>) ((Object[]) results[1])[0]).get("agentnum")).isEqualTo(String.valueOf(reseller.agentnum()));
  }

  @Test
  void aClientThatLeavesMidListingReleasesTheCursor() throws Exception {
    TestReseller many = TestReseller.create();
    TestData.update("INSERT INTO cust_main (agentnum, first, last, payby) SELECT ?, 'F' || n, 'L' || n, 'CARD'"
        + " FROM generate_series(1, 5000) n", many.agentnum());
    String body = "<?xml version=\"1.0\"?><methodCall><methodName>agent_list_customers</methodName><params>"
        + "<param><value>session_id</value></param><param><value>" + many.login(gateway) + "</value></param>"
        + "<param><value>prospect</value></param><param><value>1</value></param></params></methodCall>";
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port())) {
      socket.setReceiveBufferSize(4096);
      socket.getOutputStream().write(("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length()
          + "\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(socket.getInputStream().readNBytes(2048)).hasSize(2048);
      // The client reads no further: the answer waits on backpressure with its cursor open.
      awaitOpenCursors(1);
    }
    awaitOpenCursors(0);
  }

  @Test
  void aDatabaseFailureMidListingBreaksTheAnswerInsteadOfEndingItEarly() throws Exception {
    TestReseller many = TestReseller.create();
    TestData.update("INSERT INTO cust_main (agentnum, first, last, payby) SELECT ?, 'F' || n, 'L' || n, 'CARD'"
        + " FROM generate_series(1, 5000) n", many.agentnum());
    String body = "<?xml version=\"1.0\"?><methodCall><methodName>agent_list_customers</methodName><params>"
        + "<param><value>session_id</value></param><param><value>" + many.login(gateway) + "</value></param>"
        + "<param><value>prospect</value></param><param><value>1</value></param></params></methodCall>";
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port())) {
      socket.setReceiveBufferSize(4096);
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length()
          + "\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(socket.getInputStream().readNBytes(2048)).hasSize(2048);
      awaitOpenCursors(1);
      // Whether it sits between fetches or is fetching the next batch just now: one listing backend is ended.
      Object ended = TestData.scalar("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
          + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%to_jsonb%'"
          + " AND state IN ('idle in transaction', 'active')");
      assertThat(((Number) ended).longValue()).as("listing backends ended").isEqualTo(1);
      // Broken at once, not held open until the idle timeout: a read that waits 5 s fails the test.
      socket.setSoTimeout(5_000);
      String rest = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(rest).doesNotContain("</methodResponse>");
    } catch (java.net.SocketException reset) {
      // A reset connection is the other way a client learns the answer is broken.
      assertThat(reset.getMessage()).containsIgnoringCase("reset");
    }
    assertThat(found(String.valueOf(ann))).containsExactly(ann);
  }

  /** Waits for the number of this database's sessions holding a transaction open (the listing's cursor). */
  private static void awaitOpenCursors(long expected) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    long open = -1;
    while (System.nanoTime() < deadline) {
      open = ((Number) TestData.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND state = 'idle in transaction' AND query LIKE '%to_jsonb%'")).longValue();
      if (open == expected) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(open).as("listing transactions open").isEqualTo(expected);
  }

  private static List<Long> found(String search) throws Exception {
    return custnums(list("search", search));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> only(Map<String, Object> answer) {
    Object[] customers = (Object[]) answer.get("customers");
    assertThat(customers).hasSize(1);
    return (Map<String, Object>) customers[0];
  }

  private static Map<String, Object> list(Object... keyValues) throws Exception {
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("session_id", session);
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put((String) keyValues[i], keyValues[i + 1]);
    }
    Map<String, Object> answer = gateway.call("agent_list_customers", params);
    assertThat(answer).containsEntry("error", "");
    return answer;
  }

  private static List<Long> custnums(Map<String, Object> answer) {
    return Arrays.stream((Object[]) answer.get("customers"))
        .map(c -> Long.valueOf(String.valueOf(((Map<?, ?>) c).get("custnum")))).toList();
  }
}
