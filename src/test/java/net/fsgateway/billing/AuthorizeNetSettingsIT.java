package net.fsgateway.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.fsgateway.billing.authorizenet.SimulatedTransaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the processor's settings change: wrong credentials, and a duplicate window. */
@Timeout(120)
class AuthorizeNetSettingsIT {
  @Test
  void wrongCredentialsAnswerTheProcessorsReasonAndWriteNothing() throws Exception {
    try (PaymentsHarness h = PaymentsHarness.start(Map.of("GW_BILLING_AUTHORIZENET_TRANSACTION_KEY", "wrong-key"))) {
      String username = AuthorizeNetSignupIT.name();
      assertThat(h.call(h.data.card(username)).get("error")).isEqualTo(
          "payinfo: payment processor: User authentication failed due to invalid authentication values.");
      assertThat(h.lastAttempt().get("state")).isEqualTo("failed");
      assertThat(h.customers(username)).isZero();
      assertThat(h.simulator.transactions()).isEmpty();
    }
  }

  @Test
  void withADuplicateWindowTheSameCardAndAmountTwiceIsRefusedOnce() throws Exception {
    try (PaymentsHarness h = PaymentsHarness.start(Map.of("GW_BILLING_AUTHORIZENET_DUPLICATE_WINDOW_SECONDS", "120"))) {
      assertThat(h.call(h.data.card(AuthorizeNetSignupIT.name())).get("error")).isEqualTo("");
      String second = AuthorizeNetSignupIT.name();
      assertThat(h.call(h.data.card(second)).get("error"))
          .isEqualTo("payinfo: payment processor: A duplicate transaction has been submitted.");
      assertThat(h.customers(second)).isZero();
      assertThat(h.simulator.transactions()).extracting(SimulatedTransaction::state)
          .containsExactly(SimulatedTransaction.CAPTURED);
    }
  }

  @Test
  void withTheDefaultWindowOfZeroTwoSignupsOnOneCardBothGoThrough() throws Exception {
    try (PaymentsHarness h = PaymentsHarness.start()) {
      assertThat(h.call(h.data.card(AuthorizeNetSignupIT.name())).get("error")).isEqualTo("");
      assertThat(h.call(h.data.card(AuthorizeNetSignupIT.name())).get("error")).isEqualTo("");
      assertThat(h.simulator.transactions()).extracting(SimulatedTransaction::state)
          .containsExactly(SimulatedTransaction.CAPTURED, SimulatedTransaction.CAPTURED);
    }
  }
}
