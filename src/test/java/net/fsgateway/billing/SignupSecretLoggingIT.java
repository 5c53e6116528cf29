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
  private static final String CVV = "857";
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
    for (String secret : List.of(SignupFixtures.VALID_CARD, DECLINED_CARD, CVV, ACCOUNT, PASSWORD, SS, SS_DIGITS)) {
      assertThat(logged).as(secret).noneMatch(text -> text.contains(secret));
    }
  }

  private static Map<String, Object> signup(SignupFixtures data, String username) {
    Map<String, Object> call = data.card(username);
    call.put("paycvv", CVV);
    call.put("_password", PASSWORD);
    call.put("address1", "1 Main St");
    return call;
  }
}
