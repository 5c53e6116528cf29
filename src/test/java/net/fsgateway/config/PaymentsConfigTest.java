package net.fsgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payments settings: defaults, validation at start-up, and the transaction key never printed. */
class PaymentsConfigTest {
  private static GatewayConfig load(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return ConfigLoader.load(Path.of("does-not-exist.json"), env);
  }

  @Test
  void defaultsPointAtTheSandboxWithNoDuplicateWindow() {
    PaymentsConfig payments = load().payments();
    assertThat(payments.endpoint()).isEqualTo("https://apitest.authorize.net/xml/v1/request.api");
    assertThat(payments.duplicateWindowSeconds()).isZero();
    assertThat(payments.sweepAfterSeconds()).isEqualTo(120);
    assertThat(payments.breakerMaxFailures()).isEqualTo(5);
  }

  @Test
  void authorizeNetNeedsItsCredentialsAndSaysWhichVariables() {
    assertThatThrownBy(() -> load("GW_BILLING_PROCESSOR", "authorizenet"))
        .hasMessageContaining("GW_BILLING_AUTHORIZENET_API_LOGIN_ID")
        .hasMessageContaining("GW_BILLING_AUTHORIZENET_TRANSACTION_KEY");
    assertThatThrownBy(() -> load("GW_BILLING_PROCESSOR", "stripe")).hasMessageContaining("billing.processor");
    GatewayConfig ok = load("GW_BILLING_PROCESSOR", "authorizenet", "GW_BILLING_AUTHORIZENET_API_LOGIN_ID", "id",
        "GW_BILLING_AUTHORIZENET_TRANSACTION_KEY", "Tk-42-secret");
    assertThat(ok.billing().processor()).isEqualTo("authorizenet");
    assertThat(ok.toString()).doesNotContain("Tk-42-secret").contains("transactionKey=***");
  }

  @Test
  void outOfRangeValuesStopTheStartNamingTheKey() {
    assertThatThrownBy(() -> load("GW_BILLING_JOURNAL_SWEEP_AFTER_SECONDS", "10"))
        .hasMessageContaining("billing.journal.sweepAfterSeconds");
    assertThatThrownBy(() -> load("GW_BILLING_AUTHORIZENET_ENDPOINT", "ftp://x"))
        .hasMessageContaining("billing.authorizenet.endpoint");
    assertThatThrownBy(() -> load("GW_BILLING_BREAKER_MAX_FAILURES", "0"))
        .hasMessageContaining("billing.breaker.maxFailures");
    assertThatThrownBy(() -> load("GW_BILLING_AUTHORIZENET_DUPLICATE_WINDOW_SECONDS", "-1"))
        .hasMessageContaining("duplicateWindowSeconds");
  }
}
