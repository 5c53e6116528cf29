package net.fsgateway.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.fsgateway.billing.authorizenet.SimulatedTransaction;
import net.fsgateway.billing.authorizenet.SimulatorFault;
import net.fsgateway.support.GatewayProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A gateway process dies at every step boundary of a signup (halted by a crash point, as abruptly as kill -9, and
 * killed for real with kill -9 while the processor is answering), then the sweeper runs. Afterwards there is no
 * captured charge without a customer and no customer whose payment was not captured: checked in the database,
 * the journal and the simulator's ledger.
 */
@Timeout(300)
@SuppressWarnings("unchecked")
class JournalCrashIT {
  private static PaymentsHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = PaymentsHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  /** {@code answered}: the capture runs after the answer, so a crash once it is under way comes after the answer. */
  @ParameterizedTest(name = "crash {0}")
  @CsvSource({
      "after-journal-new, false, '',       false",
      "after-authorize,   false, voided,   false",
      "after-commit,      true,  captured, false",
      "after-capture,     true,  captured, true"})
  void aCrashAtEveryStepIsSettledByTheSweeper(String step, boolean customer, String charge, boolean answered)
      throws Exception {
    String username = AuthorizeNetSignupIT.name();
    try (GatewayProcess child = start(step)) {
      if (answered) {
        assertThat(child.call("new_customer", h.data.card(username))).containsEntry("error", "");
      } else {
        assertThatThrownBy(() -> child.call("new_customer", h.data.card(username))).as("the gateway died mid-call");
      }
      assertThat(child.awaitExit(Duration.ofSeconds(30))).isEqualTo(137);
    }
    Sweeps.run(h.simulator.endpoint());

    assertThat(h.customers(username)).isEqualTo(customer ? 1 : 0);
    Map<String, String> attempt = h.lastAttempt();
    assertThat(attempt.get("state")).isEqualTo(customer ? "captured" : charge.isEmpty() ? "failed" : "voided");
    SimulatedTransaction tx = transactionOf(attempt.get("attempt_id"));
    if (charge.isEmpty()) {
      assertThat(tx).as("the processor was never called").isNull();
    } else {
      // after-authorize: the journal never learnt the reference; the sweeper found it by the invoice number.
      assertThat(tx.state()).isEqualTo(charge);
    }
    assertMoneyMatchesCustomers();
  }

  @Test
  void killNineWhileTheCaptureIsInFlightAfterTheAnswerIsSettledByTheSweeper() throws Exception {
    String username = AuthorizeNetSignupIT.name();
    h.simulator.inject(SimulatorFault.SLOW, "priorAuthCaptureTransaction", 1, 3000);
    try (GatewayProcess child = start("")) {
      int capturesBefore = h.simulator.requestCount("priorAuthCaptureTransaction");
      CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> {
        try {
          return child.call("new_customer", h.data.card(username));
        } catch (Exception e) {
          return e;
        }
      });
      awaitRequest("priorAuthCaptureTransaction", capturesBefore + 1);
      // The customer committed and was answered; the capture it started is still with the processor.
      assertThat(call.get(30, TimeUnit.SECONDS)).as("answered before the capture ended").isInstanceOf(Map.class);
      assertThat((Map<String, Object>) call.get()).containsEntry("error", "");
      assertThat(child.kill9()).isEqualTo(137);
    }
    assertThat(h.lastAttempt().get("state")).as("the journal was not told").isEqualTo("authorized");
    Thread.sleep(3200); // the simulator finishes the capture it had received
    Sweeps.run(h.simulator.endpoint());
    assertThat(h.customers(username)).isEqualTo(1);
    assertThat(h.lastAttempt().get("state")).isEqualTo("captured");
    assertMoneyMatchesCustomers();
  }

  @Test
  void aStoppingGatewayLetsTheCaptureItStartedAfterTheAnswerEndFirst() throws Exception {
    String username = AuthorizeNetSignupIT.name();
    h.simulator.inject(SimulatorFault.SLOW, "priorAuthCaptureTransaction", 1, 2000);
    // No drain delay: the pools would close at once under the capture if the gateway did not wait for it.
    try (GatewayProcess child = start("", Map.of("GW_SHUTDOWN_DRAIN_DELAY_SECONDS", "0"))) {
      int capturesBefore = h.simulator.requestCount("priorAuthCaptureTransaction");
      assertThat(child.call("new_customer", h.data.card(username))).containsEntry("error", "");
      awaitRequest("priorAuthCaptureTransaction", capturesBefore + 1);
      child.terminate();
      assertThat(child.awaitExit(Duration.ofSeconds(30))).isZero();
      assertThat(child.output()).doesNotContain("still running at shutdown");
    }
    // No sweep: the gateway itself captured and recorded it before it closed its pools.
    Map<String, String> attempt = h.lastAttempt();
    assertThat(attempt.get("state")).isEqualTo("captured");
    assertThat(h.simulator.transaction(attempt.get("reference")).state()).isEqualTo(SimulatedTransaction.CAPTURED);
    assertMoneyMatchesCustomers();
  }

  @Test
  void killNineWhileTheAuthorizationIsInFlightLeavesNoCustomerAndNoCapture() throws Exception {
    String username = AuthorizeNetSignupIT.name();
    h.simulator.inject(SimulatorFault.SLOW, "authOnlyTransaction", 1, 3000);
    try (GatewayProcess child = start("")) {
      int before = h.simulator.requestCount("authOnlyTransaction");
      CompletableFuture.runAsync(() -> {
        try {
          child.call("new_customer", h.data.card(username));
        } catch (Exception expected) {
          // the gateway is killed under it
        }
      });
      awaitRequest("authOnlyTransaction", before + 1);
      assertThat(child.kill9()).isEqualTo(137);
    }
    Thread.sleep(3200);
    Sweeps.run(h.simulator.endpoint());
    assertThat(h.customers(username)).isZero();
    Map<String, String> attempt = h.lastAttempt();
    assertThat(attempt.get("state")).as("the authorization made after the kill is found and voided")
        .isEqualTo("voided");
    assertThat(h.simulator.transaction(attempt.get("reference")).state()).isEqualTo(SimulatedTransaction.VOIDED);
    assertMoneyMatchesCustomers();
  }

  /**
   * A gateway process paying through the simulator, so that it can be killed for real; {@code crashAt} (a
   * CrashPoints step, or '') makes it halt by itself at that step boundary.
   */
  private static GatewayProcess start(String crashAt) {
    return start(crashAt, Map.of());
  }

  /** {@code settings}: more environment for the gateway. */
  private static GatewayProcess start(String crashAt, Map<String, String> settings) {
    GatewayProcess.Builder gateway = GatewayProcess.builder().jvmOptions(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"))
        .env(PaymentsHarness.env(h.simulator.endpoint())).env(Map.of("GW_BILLING_PROCESSOR_TIMEOUT_MS", "10000"))
        .env(settings);
    if (!crashAt.isEmpty()) {
      gateway.property("fsgw.crashAt", crashAt);
    }
    return gateway.start().awaitReady(Duration.ofSeconds(60));
  }

  /** Every captured charge has a customer's payment row, and every customer's payment row a captured charge. */
  private static void assertMoneyMatchesCustomers() throws SQLException {
    List<String> captured = h.simulator.transactions().stream()
        .filter(t -> t.state().equals(SimulatedTransaction.CAPTURED)).map(SimulatedTransaction::transId).toList();
    for (String transId : captured) {
      assertThat(SignupFixtures.queryLong("SELECT count(*) FROM cust_pay WHERE processor_ref = ?", transId))
          .as("captured %s has a customer", transId).isEqualTo(1);
    }
    assertThat(SignupFixtures.queryLong("SELECT count(*) FROM cust_pay p JOIN cust_main c ON c.custnum = p.custnum"
        + " WHERE c.agentnum = ? AND p.processor_ref <> ''", h.data.agentnum))
        .as("every paying customer's charge was captured").isEqualTo(captured.size());
    assertThat(SignupFixtures.queryLong("SELECT count(*) FROM payment_journal WHERE agentnum = ?"
        + " AND state IN ('new', 'authorized')", h.data.agentnum)).as("nothing left unsettled").isZero();
  }

  private static SimulatedTransaction transactionOf(String attemptId) {
    return h.simulator.transactions().stream().filter(t -> t.invoiceNumber().equals(attemptId)).findFirst()
        .orElse(null);
  }

  private static void awaitRequest(String type, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (h.simulator.requestCount(type) < count) {
      assertThat(System.nanoTime()).as("the gateway reached " + type).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
