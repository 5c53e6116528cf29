package net.fsgateway.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import net.fsgateway.billing.authorizenet.SimulatorFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The processor's circuit breaker: after billing.breaker.maxFailures timeouts in a row, signups that need a charge
 * answer at once without calling the processor; PREPAY signups keep working; it closes again by itself.
 */
@Timeout(120)
class ProcessorBreakerIT {
  @Test
  void repeatedTimeoutsOpenTheBreakerThenItClosesByItself() throws Exception {
    try (PaymentsHarness h = PaymentsHarness.start(Map.of("GW_BILLING_PROCESSOR_TIMEOUT_MS", "400",
        "GW_BILLING_BREAKER_MAX_FAILURES", "3", "GW_BILLING_BREAKER_RESET_MS", "2000"))) {
      h.simulator.inject(SimulatorFault.TIMEOUT, "authOnlyTransaction", -1, 0);
      for (int i = 0; i < 3; i++) {
        assertThat(h.call(h.data.card(AuthorizeNetSignupIT.name())).get("error"))
            .isEqualTo("payinfo: the payment processor did not answer in time, try again");
      }
      int reachedProcessor = h.simulator.requestCount("authOnlyTransaction");

      long started = System.nanoTime();
      assertThat(h.call(h.data.card(AuthorizeNetSignupIT.name())).get("error"))
          .isEqualTo("payinfo: the payment processor is unavailable, try again");
      assertThat((System.nanoTime() - started) / 1_000_000).as("answered without waiting out the 400 ms timeout")
          .isLessThan(300);
      assertThat(h.simulator.requestCount("authOnlyTransaction")).as("the open breaker did not call the processor")
          .isEqualTo(reachedProcessor);

      Map<String, Object> prepaid = h.data.card(AuthorizeNetSignupIT.name());
      prepaid.put("payby", "PREPAY");
      prepaid.put("payinfo", h.data.prepaid(new BigDecimal("50.00"), h.data.agentnum));
      assertThat(h.call(prepaid).get("error")).as("PREPAY needs no processor").isEqualTo("");

      h.simulator.clearFaults();
      Thread.sleep(2300);
      String username = AuthorizeNetSignupIT.name();
      assertThat(h.call(h.data.card(username)).get("error")).as("half-open, one call succeeds, closed again")
          .isEqualTo("");
      assertThat(h.lastAttempt().get("state")).isEqualTo("captured");
    }
  }
}
