package net.fsgateway.billing.authorizenet;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.fsgateway.billing.CardNumbers;
import net.fsgateway.billing.Charge;
import net.fsgateway.billing.Payment;
import net.fsgateway.billing.PaymentResult;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.PaymentsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against Authorize.Net's real sandbox (apitest.authorize.net): runs only when AUTHORIZENET_API_LOGIN_ID and
 * AUTHORIZENET_TRANSACTION_KEY are set (see the README: a free sandbox account), skipped otherwise.
 */
@Timeout(60)
@EnabledIfEnvironmentVariable(named = "AUTHORIZENET_API_LOGIN_ID", matches = ".+")
@EnabledIfEnvironmentVariable(named = "AUTHORIZENET_TRANSACTION_KEY", matches = ".+")
class AuthorizeNetSandboxIT {
  private static final Charge.Payer BUYER = new Charge.Payer("Sandbox", "Tester", "",
      "1 Main St", "", "Bellevue", "WA", "98004", "US");

  @Test
  void authorizeCaptureAndVoidAgainstTheRealSandbox() throws Exception {
    PaymentsConfig config = ConfigLoader.load(Path.of("does-not-exist.json"), Map.of(
        "GW_BILLING_AUTHORIZENET_API_LOGIN_ID", System.getenv("AUTHORIZENET_API_LOGIN_ID"),
        "GW_BILLING_AUTHORIZENET_TRANSACTION_KEY", System.getenv("AUTHORIZENET_TRANSACTION_KEY"))).payments();
    assertThat(config.endpoint()).isEqualTo(PaymentsConfig.SANDBOX);
    Vertx vertx = Vertx.vertx();
    try {
      AuthorizeNetProcessor processor = new AuthorizeNetProcessor(vertx, config, 20_000);
      // A random amount keeps reruns from looking like repeats of each other.
      BigDecimal amount = new BigDecimal(String.format("%d.%02d", 1 + (int) (Math.random() * 90),
          (int) (Math.random() * 100)));
      Payment card = new Payment.Card("4111111111111111", CardNumbers.CardType.VISA, YearMonth.now().plusYears(2),
          "123", "Sandbox Tester");
      PaymentResult captured = processor.authorize(card, new Charge(amount, "fsgw" + System.currentTimeMillis()
          % 1_000_000, BUYER, "sandbox@example.com")).await(30, TimeUnit.SECONDS);
      assertThat(captured.approved()).as(captured.message()).isTrue();
      processor.capture(captured.reference(), amount).await(30, TimeUnit.SECONDS);
      processor.capture(captured.reference(), amount).await(30, TimeUnit.SECONDS); // already captured: still fine

      PaymentResult voided = processor.authorize(card, new Charge(amount.add(BigDecimal.ONE), "fsgwv"
          + System.currentTimeMillis() % 1_000_000, BUYER, "")).await(30, TimeUnit.SECONDS);
      assertThat(voided.approved()).as(voided.message()).isTrue();
      processor.voidAuthorization(voided.reference(), amount).await(30, TimeUnit.SECONDS);

      Charge.Payer declining = new Charge.Payer("Sandbox", "Decline", "", "1 Main St", "",
          "Bellevue", "WA", "46282", "US");
      PaymentResult declined = processor.authorize(card, new Charge(amount.add(BigDecimal.TEN), "fsgwd"
          + System.currentTimeMillis() % 1_000_000, declining, "")).await(30, TimeUnit.SECONDS);
      assertThat(declined.outcome()).isEqualTo(PaymentResult.Outcome.DECLINED);
      processor.close();
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
