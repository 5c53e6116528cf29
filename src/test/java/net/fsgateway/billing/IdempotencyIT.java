package net.fsgateway.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import net.fsgateway.billing.authorizenet.AuthorizeNetSimulator;
import net.fsgateway.billing.authorizenet.SimulatorFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** new_customer's idempotency_key, end to end through the gateway and the Authorize.Net simulator. */
@Timeout(120)
class IdempotencyIT {
  private static final String AUTH = "authOnlyTransaction";
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
  }

  @Test
  void aRepeatAnswersExactlyTheFirstAnswerAndChargesNothingMore() throws Exception {
    Map<String, Object> call = keyed(AuthorizeNetSignupIT.name());
    Map<String, Object> first = h.call(call);
    assertThat(first.get("error")).isEqualTo("");
    int authorizations = h.simulator.requestCount(AUTH);
    long attempts = attempts();

    Map<String, Object> again = h.call(call);
    assertThat(again).isEqualTo(first);
    assertThat(h.simulator.requestCount(AUTH)).isEqualTo(authorizations);
    assertThat(attempts()).isEqualTo(attempts);
    assertThat(h.customers((String) call.get("username"))).isEqualTo(1);
  }

  @Test
  void theSameKeyWithOtherFieldsIsRefused() throws Exception {
    Map<String, Object> call = keyed(AuthorizeNetSignupIT.name());
    assertThat(h.call(call).get("error")).isEqualTo("");
    call.put("last", "Someone Else");
    assertThat(h.call(call).get("error")).isEqualTo("idempotency_key: already used with different fields");
  }

  @Test
  void aDeclineIsRepeatedWithoutAskingTheProcessorAgain() throws Exception {
    Map<String, Object> call = keyed(AuthorizeNetSignupIT.name());
    call.put("zip", AuthorizeNetSimulator.DECLINE_ZIP);
    assertThat(h.call(call).get("error")).isEqualTo("_decline");
    int authorizations = h.simulator.requestCount(AUTH);
    assertThat(h.call(call).get("error")).isEqualTo("_decline");
    assertThat(h.simulator.requestCount(AUTH)).isEqualTo(authorizations);
  }

  @Test
  void concurrentRepeatsRunTheSignupOnce() throws Exception {
    Map<String, Object> call = keyed(AuthorizeNetSignupIT.name());
    h.simulator.inject(SimulatorFault.SLOW, AUTH, 1, 500);
    int authorizations = h.simulator.requestCount(AUTH);
    List<CompletableFuture<Map<String, Object>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          return h.call(call);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    Map<String, Object> first = calls.get(0).get();
    assertThat(first.get("error")).isEqualTo("");
    for (CompletableFuture<Map<String, Object>> each : calls) {
      assertThat(each.get()).isEqualTo(first);
    }
    assertThat(h.simulator.requestCount(AUTH)).isEqualTo(authorizations + 1);
    assertThat(h.customers((String) call.get("username"))).isEqualTo(1);
  }

  @Test
  void aTryAgainAnswerIsNotKeptSoTheRetryRuns() throws Exception {
    Map<String, Object> call = keyed(AuthorizeNetSignupIT.name());
    h.simulator.inject(SimulatorFault.HTTP_500, AUTH, 1, 0);
    assertThat(h.call(call).get("error")).isEqualTo("payinfo: the payment processor is unavailable, try again");
    assertThat(h.call(call).get("error")).isEqualTo("");
    assertThat(h.customers((String) call.get("username"))).isEqualTo(1);
  }

  @Test
  void keysAreKeptPerResellerAndValidated() throws Exception {
    Map<String, Object> call = keyed(AuthorizeNetSignupIT.name());
    assertThat(h.call(call).get("error")).isEqualTo("");
    Map<String, Object> other = new java.util.HashMap<>(call);
    other.put("session_id", h.data.session(h.data.otherAgentnum));
    assertThat((String) h.call(other).get("error")).as("another reseller's call is its own")
        .contains("can't purchase pkgpart");

    Map<String, Object> tooLong = keyed(AuthorizeNetSignupIT.name());
    tooLong.put("idempotency_key", "k".repeat(65));
    assertThat(h.call(tooLong).get("error")).isEqualTo("idempotency_key: 1 to 64 printable ASCII characters");
    Map<String, Object> notAscii = keyed(AuthorizeNetSignupIT.name());
    notAscii.put("idempotency_key", "clé");
    assertThat(h.call(notAscii).get("error")).isEqualTo("idempotency_key: 1 to 64 printable ASCII characters");
  }

  @Test
  void withoutAKeyARepeatIsANewSignupAsBefore() throws Exception {
    Map<String, Object> call = h.data.card(AuthorizeNetSignupIT.name());
    assertThat(h.call(call).get("error")).isEqualTo("");
    assertThat(h.call(call).get("error")).isEqualTo("Username in use");
  }

  @Test
  void aKeyWhoseGatewayDiedAfterTheCommitAnswersTheCustomerItMade() throws Exception {
    Map<String, Object> call = keyed(AuthorizeNetSignupIT.name());
    Map<String, Object> first = h.call(call);
    // As if the gateway died between the signup's commit and recording the answer, long enough ago.
    SignupFixtures.execute("UPDATE signup_idempotency SET answer = NULL, created_at = created_at - interval '100 s'"
        + " WHERE idem_key = ?", call.get("idempotency_key"));
    assertThat(h.call(call)).isEqualTo(first);
    assertThat(h.customers((String) call.get("username"))).isEqualTo(1);
  }

  @Test
  void afterTwentyFourHoursAKeyIsNew() throws Exception {
    Map<String, Object> call = keyed(AuthorizeNetSignupIT.name());
    assertThat(h.call(call).get("error")).isEqualTo("");
    SignupFixtures.execute("UPDATE signup_idempotency SET created_at = now() - interval '25 hours'"
        + " WHERE idem_key = ?", call.get("idempotency_key"));
    assertThat(h.call(call).get("error")).as("run again: the username is now taken").isEqualTo("Username in use");
  }

  private static Map<String, Object> keyed(String username) {
    Map<String, Object> call = h.data.card(username);
    call.put("idempotency_key", "retry-" + UUID.randomUUID());
    return call;
  }

  private static long attempts() throws Exception {
    return SignupFixtures.queryLong("SELECT count(*) FROM payment_journal WHERE agentnum = ?", h.data.agentnum);
  }
}
