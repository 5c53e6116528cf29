package net.fsgateway.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import net.fsgateway.billing.authorizenet.SimulatedTransaction;
import net.fsgateway.billing.authorizenet.SimulatorFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sweepers of several gateways at once settle each unfinished attempt exactly once (FOR UPDATE SKIP LOCKED). */
@Timeout(120)
class PaymentSweeperIT {
  private static final String CAPTURE = "priorAuthCaptureTransaction";

  @Test
  void threeSweepersAtOnceCaptureEachAttemptOnce() throws Exception {
    try (PaymentsHarness h = PaymentsHarness.start()) {
      h.simulator.inject(SimulatorFault.HTTP_500, CAPTURE, 12, 0);
      for (int i = 0; i < 12; i++) {
        assertThat(h.call(h.data.card(AuthorizeNetSignupIT.name())).get("error")).isEqualTo("");
      }
      h.simulator.clearFaults();
      assertThat(SignupFixtures.queryLong("SELECT count(*) FROM payment_journal WHERE agentnum = ?"
          + " AND state = 'authorized'", h.data.agentnum)).as("captures failed: left to the sweeper").isEqualTo(12);
      SignupFixtures.execute("UPDATE payment_journal SET updated_at = now() - interval '10 minutes'"
          + " WHERE agentnum = ?", h.data.agentnum);
      int capturesBefore = h.simulator.requestCount(CAPTURE);

      String endpoint = h.simulator.endpoint();
      CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> sweep(endpoint));
      CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> sweep(endpoint));
      CompletableFuture<Integer> c = CompletableFuture.supplyAsync(() -> sweep(endpoint));

      // (The sum also counts other test classes' leftovers in this JVM's database: only this agent's rows count.)
      assertThat(a.get() + b.get() + c.get()).as("attempts settled, in total").isGreaterThanOrEqualTo(12);
      assertThat(h.simulator.requestCount(CAPTURE) - capturesBefore).as("one capture per attempt").isEqualTo(12);
      assertThat(h.simulator.transactions()).extracting(SimulatedTransaction::state)
          .containsOnly(SimulatedTransaction.CAPTURED).hasSize(12);
      assertThat(SignupFixtures.queryLong("SELECT count(*) FROM payment_journal WHERE agentnum = ?"
          + " AND state = 'captured'", h.data.agentnum)).isEqualTo(12);
    }
  }

  private static int sweep(String endpoint) {
    try {
      return Sweeps.run(endpoint);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
