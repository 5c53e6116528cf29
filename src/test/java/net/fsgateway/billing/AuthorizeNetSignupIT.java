package net.fsgateway.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import net.fsgateway.billing.authorizenet.AuthorizeNetSimulator;
import net.fsgateway.billing.authorizenet.SimulatedTransaction;
import net.fsgateway.billing.authorizenet.SimulatorFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * new_customer with billing.processor=authorizenet, end to end: a real XML-RPC client, the gateway, the Authorize.Net
 * simulator over HTTP, then the database, the payment journal and the simulator's ledger are read back.
 */
@Timeout(120)
class AuthorizeNetSignupIT {
  private static PaymentsHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = PaymentsHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @BeforeEach
  void calm() {
    h.simulator.clearFaults();
    h.simulator.holdForReview(false);
  }

  @Test
  void theSandboxTestCardsAreAuthorizedThenCapturedAfterTheCustomerCommits() throws Exception {
    for (String card : List.of("4111111111111111", "4007000000027", "5424000000000015", "370000000000002",
        "6011000000000012")) {
      String username = name();
      Map<String, Object> call = h.data.card(username);
      call.put("payinfo", card);
      call.put("paycvv", card.startsWith("37") ? "1234" : "123");
      assertThat(h.call(call).get("error")).as(card).isEqualTo("");

      Map<String, String> attempt = h.lastAttempt();
      assertThat(attempt.get("state")).isEqualTo("captured");
      assertThat(attempt.get("amount")).isEqualTo("29.95");
      assertThat(h.paymentReference(username)).isEqualTo(attempt.get("reference"));
      SimulatedTransaction tx = h.simulator.transaction(attempt.get("reference"));
      assertThat(tx.state()).isEqualTo(SimulatedTransaction.CAPTURED);
      assertThat(tx.amount()).isEqualByComparingTo("29.95");
      assertThat(tx.invoiceNumber()).as("the journal's attempt id is the order's invoice number")
          .isEqualTo(attempt.get("attempt_id"));
    }
  }

  @Test
  void echecksUnderAHundredDollarsAreCapturedAndOverAHundredAreDeclined() throws Exception {
    String username = name();
    assertThat(h.call(check(username, h.data.pkgpart)).get("error")).isEqualTo("");
    assertThat(h.lastAttempt().get("state")).isEqualTo("captured");

    long dear = SignupFixtures.insert("INSERT INTO part_pkg (pkg, setup_fee, recur_fee, freq, default_domsvc)"
        + " VALUES ('Dear', 100.00, 19.95, 1, ?) RETURNING pkgpart", h.data.sharedDomsvc);
    SignupFixtures.execute("INSERT INTO agent_pkg (agentnum, pkgpart) VALUES (?, ?)", h.data.agentnum, dear);
    String declined = name();
    assertThat(h.call(check(declined, dear)).get("error")).isEqualTo("_decline");
    assertThat(h.lastAttempt().get("state")).isEqualTo("declined");
    assertThat(h.customers(declined)).isZero();
  }

  @Test
  void zip46282IsDeclinedAndWritesNoCustomer() throws Exception {
    String username = name();
    Map<String, Object> call = h.data.card(username);
    call.put("zip", AuthorizeNetSimulator.DECLINE_ZIP);
    assertThat(h.call(call).get("error")).isEqualTo("_decline");
    assertThat(h.lastAttempt().get("state")).isEqualTo("declined");
    assertThat(h.customers(username)).isZero();
    assertThat(h.call(h.data.card(username)).get("error")).as("the username stays free").isEqualTo("");
  }

  @Test
  void aCardTheSandboxDoesNotKnowIsAnErrorNamingTheProcessorsReasonNotTheNumber() throws Exception {
    Map<String, Object> call = h.data.card(name());
    call.put("payinfo", "4242424242424242");
    String error = (String) h.call(call).get("error");
    assertThat(error).isEqualTo("payinfo: payment processor: The credit card number is invalid.");
    assertThat(h.lastAttempt().get("state")).isEqualTo("failed");
  }

  @Test
  void heldForReviewIsDeclinedAndTheHoldIsVoided() throws Exception {
    h.simulator.holdForReview(true);
    String username = name();
    assertThat(h.call(h.data.card(username)).get("error")).isEqualTo("_decline");
    Map<String, String> attempt = h.lastAttempt();
    assertThat(attempt.get("state")).isEqualTo("declined");
    assertThat(h.simulator.transaction(attempt.get("reference")).state()).isEqualTo(SimulatedTransaction.VOIDED);
    assertThat(h.customers(username)).isZero();
  }

  @Test
  void whenTheProcessorFailsTheSignupAnswersTryAgainAndTheSweeperClosesTheAttempt() throws Exception {
    List<String> attempts = new java.util.ArrayList<>();
    for (SimulatorFault fault : List.of(SimulatorFault.HTTP_500, SimulatorFault.DROP, SimulatorFault.MALFORMED)) {
      h.simulator.inject(fault, "authOnlyTransaction", 1, 0);
      String username = name();
      assertThat(h.call(h.data.card(username)).get("error")).as(fault.name())
          .isEqualTo("payinfo: the payment processor is unavailable, try again");
      Map<String, String> attempt = h.lastAttempt();
      assertThat(attempt.get("state")).as("%s: the processor may have authorized it: left to the sweeper", fault)
          .isEqualTo("new");
      attempts.add(attempt.get("attempt_id"));
      assertThat(h.customers(username)).isZero();
    }
    h.simulator.inject(SimulatorFault.TIMEOUT, "authOnlyTransaction", 1, 0);
    String late = name();
    assertThat(h.call(h.data.card(late)).get("error"))
        .isEqualTo("payinfo: the payment processor did not answer in time, try again");
    attempts.add(h.lastAttempt().get("attempt_id"));
    assertThat(h.customers(late)).isZero();

    Sweeps.run(h.simulator.endpoint());
    for (String attempt : attempts) {
      assertThat(PaymentsHarness.attempt("SELECT state FROM payment_journal WHERE attempt_id = ?",
          Long.parseLong(attempt)).get("state")).as("nothing was authorized").isEqualTo("failed");
    }
  }

  @Test
  void anApprovalThatArrivesAfterTheTimeoutIsFoundAndVoidedByTheSweeper() throws Exception {
    h.simulator.inject(SimulatorFault.SLOW, "authOnlyTransaction", 1, 2500);
    String username = name();
    assertThat(h.call(h.data.card(username)).get("error"))
        .isEqualTo("payinfo: the payment processor did not answer in time, try again");
    Map<String, String> attempt = h.lastAttempt();
    Thread.sleep(1500); // the simulator approves it after the gateway gave up
    SimulatedTransaction late = h.simulator.transactions().stream()
        .filter(t -> t.invoiceNumber().equals(attempt.get("attempt_id"))).findFirst().orElseThrow();
    assertThat(late.state()).isEqualTo(SimulatedTransaction.AUTHORIZED);

    Sweeps.run(h.simulator.endpoint());
    assertThat(h.simulator.transaction(late.transId()).state()).isEqualTo(SimulatedTransaction.VOIDED);
    Map<String, String> swept = PaymentsHarness.attempt("SELECT state, reference FROM payment_journal"
        + " WHERE attempt_id = ?", Long.parseLong(attempt.get("attempt_id")));
    assertThat(swept).containsEntry("state", "voided").containsEntry("reference", late.transId());
    assertThat(h.customers(username)).isZero();
  }

  @Test
  void aSlowProcessorWithinTheTimeoutStillSignsUp() throws Exception {
    h.simulator.inject(SimulatorFault.SLOW, null, 3, 400);
    String username = name();
    assertThat(h.call(h.data.card(username)).get("error")).isEqualTo("");
    assertThat(h.lastAttempt().get("state")).isEqualTo("captured");
  }

  @Test
  void aCaptureThatFailsAfterCommitLeavesTheAttemptAuthorizedForTheSweeper() throws Exception {
    h.simulator.inject(SimulatorFault.HTTP_500, "priorAuthCaptureTransaction", 1, 0);
    String username = name();
    assertThat(h.call(h.data.card(username)).get("error")).as("the customer exists: the answer says so")
        .isEqualTo("");
    Map<String, String> attempt = h.lastAttempt();
    assertThat(attempt.get("state")).isEqualTo("authorized");
    SignupFixtures.execute("UPDATE payment_journal SET updated_at = now() - interval '10 minutes'"
        + " WHERE attempt_id = ?", Long.parseLong(attempt.get("attempt_id")));
    assertThat(Sweeps.run(h.simulator.endpoint())).isGreaterThanOrEqualTo(1);
    assertThat(PaymentsHarness.attempt("SELECT state FROM payment_journal WHERE attempt_id = ?",
        Long.parseLong(attempt.get("attempt_id"))).get("state")).isEqualTo("captured");
    assertThat(h.simulator.transaction(attempt.get("reference")).state()).isEqualTo(SimulatedTransaction.CAPTURED);
  }

  @Test
  void aUsernameLostToAConcurrentSignupVoidsItsAuthorization() throws Exception {
    String username = name();
    Map<String, Object> first = h.data.card(username);
    Map<String, Object> second = h.data.card(username.toUpperCase());
    second.put("payinfo", "5424000000000015");
    // Both pass the username check while the simulator holds their authorizations.
    h.simulator.inject(SimulatorFault.SLOW, "authOnlyTransaction", 2, 500);
    CompletableFuture<Map<String, Object>> a = CompletableFuture.supplyAsync(() -> quietly(first));
    CompletableFuture<Map<String, Object>> b = CompletableFuture.supplyAsync(() -> quietly(second));
    List<Object> errors = List.of(a.get().get("error"), b.get().get("error"));
    assertThat(errors).containsExactlyInAnyOrder("", "Username in use");
    assertThat(h.customers(username)).isEqualTo(1);
    List<String> states = List.of(SignupFixtures.queryString("SELECT string_agg(state, ',' ORDER BY state)"
        + " FROM (SELECT state FROM payment_journal WHERE agentnum = ? ORDER BY attempt_id DESC LIMIT 2) s",
        h.data.agentnum).split(","));
    assertThat(states).containsExactly("captured", "voided");
    long captured = h.simulator.transactions().stream()
        .filter(t -> t.state().equals(SimulatedTransaction.CAPTURED)
            && t.amount().compareTo(new BigDecimal("29.95")) == 0)
        .count();
    assertThat(captured).isEqualTo(SignupFixtures.queryLong("SELECT count(*) FROM cust_pay p JOIN cust_main c"
        + " ON c.custnum = p.custnum WHERE c.agentnum = ? AND p.processor_ref <> ''", h.data.agentnum));
  }

  private Map<String, Object> check(String username, long pkgpart) {
    Map<String, Object> call = h.data.card(username);
    call.put("payby", "CHEK");
    call.put("payinfo", "12345678@" + SignupFixtures.VALID_ROUTING);
    call.put("payname", "First Bank");
    call.put("pkgpart", (int) pkgpart);
    return call;
  }

  private static Map<String, Object> quietly(Map<String, Object> call) {
    try {
      return h.call(call);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String name() {
    return "an" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
