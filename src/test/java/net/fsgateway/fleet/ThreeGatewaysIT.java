package net.fsgateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import net.fsgateway.billing.TestPaymentProcessor;
import net.fsgateway.config.ThrottleConfig;
import net.fsgateway.session.AgentSessions;
import net.fsgateway.session.LoginThrottle;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three gateways, each in its own Vert.x instance (its own event loops, pools, session caches and payment-processor
 * ledger), on one PostgreSQL database and one Redis: whatever a reseller does through one, the others agree with.
 */
@Tag("fleet")
@Timeout(120)
class ThreeGatewaysIT {
  private static final int MAX_FAILURES = 10;
  private static final List<TestGateway> gateways = new ArrayList<>();

  @BeforeAll
  static void start() {
    for (int i = 0; i < 3; i++) {
      // No slow-down before the lock, so the ten failures take no ten seconds.
      gateways.add(TestGateway.start(c -> c.withThrottle(new ThrottleConfig(MAX_FAILURES, MAX_FAILURES,
          Integer.MAX_VALUE, 300, 300))));
    }
  }

  @AfterAll
  static void stop() {
    gateways.forEach(TestGateway::close);
  }

  private static TestGateway gw(int i) {
    return gateways.get(i % gateways.size());
  }

  private static String info(TestGateway gateway, String session) throws Exception {
    return String.valueOf(gateway.call("agent_info", Map.of("session_id", session)).get("error"));
  }

  @Test
  void aSessionMadeOnOneIsAcceptedByTheOthers() throws Exception {
    TestReseller reseller = TestReseller.create();
    for (int maker = 0; maker < 3; maker++) {
      String session = reseller.login(gw(maker));
      for (int other = 0; other < 3; other++) {
        assertThat(info(gw(other), session)).as("made on %d, used on %d", maker, other).isEqualTo("");
      }
    }
  }

  /**
   * Every gateway has the session in its cache before the logout; the other two must refuse it on their very next
   * call, with no pause (the logout's answer can overtake Redis's invalidation push to another process).
   */
  @Test
  void aLogoutOnOneIsRefusedByTheOtherTwoOnTheirVeryNextCall() throws Exception {
    TestReseller reseller = TestReseller.create();
    for (int round = 0; round < 15; round++) {
      String session = reseller.login(gw(round));
      for (int i = 0; i < 6; i++) {
        assertThat(info(gw(i), session)).isEqualTo("");
      }
      assertThat(gw(round).call("agent_logout", Map.of("session_id", session))).containsEntry("error", "");
      assertThat(info(gw(round + 1), session)).as("round %d, next gateway", round).isEqualTo(AgentSessions.CANT_RESUME);
      assertThat(info(gw(round + 2), session)).as("round %d, third gateway", round).isEqualTo(AgentSessions.CANT_RESUME);
    }
  }

  @Test
  void tenFailuresSpreadOverThreeGatewaysLockTheUsernameOnAll() throws Exception {
    TestReseller reseller = TestReseller.create();
    for (int i = 0; i < MAX_FAILURES; i++) {
      assertThat(gw(i).call("agent_login", Map.of("username", reseller.username(), "password", "wrong-" + i)))
          .as("failure %d on gateway %d", i + 1, i % 3).containsEntry("error", "Incorrect password.");
    }
    for (int i = 0; i < 3; i++) {
      assertThat(gw(i).call("agent_login", Map.of("username", reseller.username(), "password", reseller.password())))
          .as("right password on gateway %d", i).containsEntry("error", LoginThrottle.TOO_MANY_FAILURES);
    }
  }

  @Test
  void fiftySignupsOfOneUsernameOverThreeGatewaysMakeOneCustomerAndLeaveOneCharge() throws Exception {
    TestReseller reseller = TestReseller.create();
    String session = reseller.login(gw(0));
    String name = "fleet" + UUID.randomUUID().toString().substring(0, 8);
    int chargesBefore = standingCharges();
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      TestGateway gateway = gw(i);
      Map<String, Object> signup = Signups.card(reseller, session, i % 2 == 0 ? name : name.toUpperCase());
      calls.add(() -> gateway.call("new_customer", signup).get("error"));
    }
    List<Object> answers = Signups.together(calls);

    assertThat(answers).filteredOn(""::equals).hasSize(1);
    assertThat(answers).filteredOn("Username in use"::equals).hasSize(49);
    assertThat(TestData.scalar("SELECT count(*) FROM cust_main WHERE agentnum = ?", reseller.agentnum()))
        .isEqualTo(1L);
    assertThat(TestData.scalar("SELECT count(*) FROM svc_acct WHERE lower(username) = ?", name)).isEqualTo(1L);
    // Each gateway's test processor keeps its own ledger: a loser charged on any of them was voided there.
    assertThat(standingCharges() - chargesBefore).as("charges left standing over the three").isEqualTo(1);
  }

  @Test
  void aPrepaidCardRacedOverThreeGatewaysIsRedeemedOnce() throws Exception {
    TestReseller reseller = TestReseller.create();
    String session = reseller.login(gw(1));
    String card = "FLEET-" + UUID.randomUUID().toString().substring(0, 12);
    TestData.update("INSERT INTO prepay_credit (identifier, amount, agentnum) VALUES (?, 40.00, ?)", card,
        reseller.agentnum());
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      TestGateway gateway = gw(i);
      Map<String, Object> signup = Signups.card(reseller, session, "pp" + UUID.randomUUID().toString().substring(0, 10));
      signup.put("payby", "PREPAY");
      signup.put("payinfo", card);
      signup.remove("paycvv");
      signup.remove("paydate");
      calls.add(() -> gateway.call("new_customer", signup).get("error"));
    }
    List<Object> answers = Signups.together(calls);

    assertThat(answers).filteredOn(""::equals).hasSize(1);
    assertThat(answers).filteredOn(net.fsgateway.billing.SignupRejected.INVALID_PREPAID::equals).hasSize(29);
    assertThat(TestData.scalar("SELECT count(*) FROM cust_main WHERE agentnum = ?", reseller.agentnum())).isEqualTo(1L);
    assertThat(TestData.scalar("SELECT count(*) FROM prepay_credit WHERE identifier = ? AND used_at IS NOT NULL", card))
        .isEqualTo(1L);
  }

  @Test
  void agentInfoCountsAgreeWhicheverGatewayAnswers() throws Exception {
    TestReseller reseller = TestReseller.create();
    reseller.customerWithAccount("Active", "a" + UUID.randomUUID().toString().substring(0, 8), reseller.domsvc(), false,
        false);
    reseller.customerWithAccount("Susp", "s" + UUID.randomUUID().toString().substring(0, 8), reseller.domsvc(), true,
        false);
    String session = reseller.login(gw(2));
    assertThat(gw(0).call("new_customer", Signups.card(reseller, session, "n" + UUID.randomUUID().toString()
        .substring(0, 10)))).containsEntry("error", "");
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(new TreeMap<>(gw(i).call("agent_info", Map.of("session_id", session))).toString());
    }
    assertThat(answers).containsOnly(answers.get(0));
    assertThat(answers.get(0)).contains("num_active=2").contains("num_susp=1");
  }

  private static int standingCharges() {
    int standing = 0;
    for (TestGateway gateway : gateways) {
      standing += gateway.vertx().sharedData().getLocalMap(TestPaymentProcessor.CHARGES).size()
          - gateway.vertx().sharedData().getLocalMap(TestPaymentProcessor.VOIDS).size();
    }
    return standing;
  }
}
