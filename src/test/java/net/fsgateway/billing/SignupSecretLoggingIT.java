package net.fsgateway.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.fsgateway.support.LogCapture;
import net.fsgateway.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No log event, at any level and the access log included, carries a card number, a CVV, a bank account, a social
 * security number or an account password; and the SSN is stored only encrypted.
 */
@Timeout(60)
class SignupSecretLoggingIT {
  /** A leading zero, and searched as a whole number: no id or amount in a log line can equal it by chance. */
  private static final String CVV = "085";
  private static final String DECLINED_CARD = "4000000000000002";
  private static final String ACCOUNT = "77123456";
  private static final String PASSWORD = "Pw-zq81-never-logged";
  private static final String SS = "078-05-1120";
  private static final String SS_DIGITS = "078051120";

  @Test
  void cardDataAndPasswordsAreNeverLogged() throws Exception {
    List<String> logged;
    try (LogCapture capture = new LogCapture(); TestGateway gateway = TestGateway.start()) {
      SignupFixtures data = new SignupFixtures(gateway);
      String username = "log" + System.nanoTime();
      assertThat(gateway.call("new_customer", signup(data, username)).get("error")).isEqualTo("");
      assertThat(gateway.call("new_customer", signup(data, username)).get("error")).isEqualTo("Username in use");
      Map<String, Object> declined = signup(data, username + "d");
      declined.put("payinfo", DECLINED_CARD);
      assertThat(gateway.call("new_customer", declined).get("error")).isEqualTo("_decline");
      Map<String, Object> check = signup(data, username + "c");
      check.put("payby", "CHEK");
      check.put("payinfo", ACCOUNT + "@" + SignupFixtures.VALID_ROUTING);
      check.put("payname", "First Bank");
      assertThat(gateway.call("new_customer", check).get("error")).isEqualTo("");
      Map<String, Object> badCvv = signup(data, username + "v");
      badCvv.put("paycvv", CVV + "99");
      assertThat(gateway.call("new_customer", badCvv).get("error")).isEqualTo("CVV2 (CVC2/CID) is three digits.");
      Map<String, Object> badSs = signup(data, username + "s");
      badSs.put("ss", SS_DIGITS + "9");
      assertThat(gateway.call("new_customer", badSs).get("error")).isEqualTo("Illegal social security number");
      Map<String, Object> withSs = signup(data, username + "t");
      withSs.put("ss", SS_DIGITS);
      Map<String, Object> stored = gateway.call("new_customer", withSs);
      assertThat(stored.get("error")).isEqualTo("");
      assertThat(stored.values()).noneMatch(value -> String.valueOf(value).contains("1120"));
      long custnum = Long.parseLong(String.valueOf(stored.get("custnum")));
      assertThat(SignupFixtures.queryString("SELECT ss_mask FROM cust_main WHERE custnum = ?", custnum))
          .isEqualTo("xxx-xx-1120");
      assertThat(SignupFixtures.queryString("SELECT row_to_json(c)::text FROM cust_main c WHERE custnum = ?",
          custnum)).doesNotContain(SS).doesNotContain(SS_DIGITS).doesNotContain("05-1120");
      logged = capture.texts();
    }
    assertThat(logged).as("the gateway logs something, so the check is not vacuous").isNotEmpty();
    assertThat(logged).as("the access log has a line per signup, declined and rejected ones included")
        .filteredOn(text -> text.startsWith("fsgateway.access: new_customer ")).hasSizeGreaterThanOrEqualTo(5);
    for (String secret : List.of(SignupFixtures.VALID_CARD, DECLINED_CARD, ACCOUNT, PASSWORD, SS, SS_DIGITS)) {
      assertThat(logged).as(secret).noneMatch(text -> text.contains(secret));
    }
    java.util.regex.Pattern cvv = java.util.regex.Pattern.compile("(?<![0-9])" + CVV + "(?![0-9])");
    assertThat(logged).as(CVV).noneMatch(text -> cvv.matcher(text).find());
  }

  /**
   * The Authorize.Net paths: approvals, declines, an unknown card, an e-check, a failed capture, a username race,
   * an idempotent repeat, and wrong credentials. No card number, CVV, account number or transaction key in any
   * log event, answer, or text or bytea column of the database (the journal and idempotency keys included).
   */
  @Test
  void authorizeNetPathsNeitherLogNorAnswerNorStoreCardDataOrTheTransactionKey() throws Exception {
    // CVVs with a leading zero, searched as whole numbers: no id, amount or reference can equal them by chance.
    String cvv = CVV;
    String amexCvv = "0857";
    String unknownCard = "4242424242424242";
    List<String> logged;
    List<Object> answers = new java.util.ArrayList<>();
    List<String> configs = new java.util.ArrayList<>();
    try (LogCapture capture = new LogCapture(); PaymentsHarness h = PaymentsHarness.start()) {
      String username = "anlog" + System.nanoTime();
      Map<String, Object> approved = withCvv(signup(h.data, username), cvv);
      approved.put("idempotency_key", "log-" + username);
      answers.add(h.call(approved));
      answers.add(h.call(approved));
      answers.add(h.call(withCvv(signup(h.data, username), cvv)));
      Map<String, Object> declined = withCvv(signup(h.data, username + "z"), cvv);
      declined.put("zip", "46282");
      answers.add(h.call(declined));
      Map<String, Object> unknown = withCvv(signup(h.data, username + "u"), cvv);
      unknown.put("payinfo", unknownCard);
      answers.add(h.call(unknown));
      Map<String, Object> amex = withCvv(signup(h.data, username + "a"), cvv);
      amex.put("payinfo", "370000000000002");
      amex.put("paycvv", amexCvv);
      h.simulator.inject(net.fsgateway.billing.authorizenet.SimulatorFault.HTTP_500, "priorAuthCaptureTransaction",
          1, 0);
      answers.add(h.call(amex));
      Map<String, Object> check = withCvv(signup(h.data, username + "c"), cvv);
      check.put("payby", "CHEK");
      check.put("payinfo", ACCOUNT + "@" + SignupFixtures.VALID_ROUTING);
      check.put("payname", "First Bank");
      answers.add(h.call(check));
      assertThat(answers.stream().map(a -> (Object) ((Map<?, ?>) a).get("error")).toList())
          .containsExactly("", "", "Username in use", "_decline",
              "payinfo: payment processor: The credit card number is invalid.", "", "");
      logged = new java.util.ArrayList<>(capture.texts());
      configs.add(h.gateway.config().toString());
    }
    try (LogCapture capture = new LogCapture(); PaymentsHarness h = PaymentsHarness.start(Map.of(
        "GW_BILLING_AUTHORIZENET_TRANSACTION_KEY", "Wrong-Key-77zz"))) {
      answers.add(h.call(withCvv(signup(h.data, "anlogk" + System.nanoTime()), cvv)));
      logged.addAll(capture.texts());
      configs.add(h.gateway.config().toString());
    }
    assertThat(logged).as("the gateway logs something, so the check is not vacuous").isNotEmpty();
    assertThat(configs).as("the printed settings hide the transaction key").hasSize(2)
        .noneMatch(text -> text.contains(net.fsgateway.billing.authorizenet.AuthorizeNetSimulator.KEY)
            || text.contains("Wrong-Key-77zz"));
    for (String secret : List.of(SignupFixtures.VALID_CARD, "370000000000002", unknownCard, ACCOUNT,
        PASSWORD, net.fsgateway.billing.authorizenet.AuthorizeNetSimulator.KEY, "Wrong-Key-77zz")) {
      assertThat(logged).as(secret).noneMatch(text -> text.contains(secret));
      assertThat(answers).as(secret).noneMatch(answer -> answer.toString().contains(secret));
      assertThat(PerlWireSignupIT.clearTextHits(secret)).as(secret).isEmpty();
    }
    for (String secret : List.of(cvv, amexCvv)) {
      java.util.regex.Pattern whole = java.util.regex.Pattern.compile("(?<![0-9])" + secret + "(?![0-9])");
      assertThat(logged).as(secret).noneMatch(text -> whole.matcher(text).find());
      assertThat(answers).as(secret).noneMatch(answer -> whole.matcher(answer.toString()).find());
      // The Authorize.Net rows: the test processor's references are random UUIDs, whose hex can hold any 3 digits.
      assertThat(SignupFixtures.queryLong("SELECT count(*) FROM payment_journal WHERE processor = 'authorizenet'"
          + " AND (detail ~ ? OR reference ~ ?)",
          "(^|[^0-9])" + secret + "([^0-9]|$)", "(^|[^0-9])" + secret + "([^0-9]|$)")).as(secret).isZero();
      assertThat(SignupFixtures.queryLong("SELECT count(*) FROM signup_idempotency WHERE answer ~ ?",
          "(^|[^0-9])" + secret + "([^0-9]|$)")).as(secret).isZero();
    }
  }

  private static Map<String, Object> withCvv(Map<String, Object> call, String cvv) {
    call.put("paycvv", cvv);
    return call;
  }

  private static Map<String, Object> signup(SignupFixtures data, String username) {
    Map<String, Object> call = data.card(username);
    call.put("paycvv", CVV);
    call.put("_password", PASSWORD);
    call.put("address1", "1 Main St");
    return call;
  }
}
