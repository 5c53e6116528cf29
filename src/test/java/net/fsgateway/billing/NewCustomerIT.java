package net.fsgateway.billing;

import static net.fsgateway.billing.SignupFixtures.queryLong;
import static net.fsgateway.billing.SignupFixtures.queryString;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import net.fsgateway.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** new_customer end to end: the Apache XML-RPC client against the whole gateway on real PostgreSQL and Redis. */
@Timeout(60)
class NewCustomerIT {
  private static TestGateway gateway;
  private static SignupFixtures data;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start();
    data = new SignupFixtures(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static String user() {
    return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static Stream<Arguments> paybyAndDateFormat() {
    return Stream.of("CARD", "CHEK", "PREPAY")
        .flatMap(payby -> Stream.of("11/2031", "1/2031", "11/31", "1/31").map(date -> Arguments.of(payby, date)));
  }

  @ParameterizedTest(name = "{0} with paydate {1}")
  @MethodSource("paybyAndDateFormat")
  void signsUpWithEachPaybyAndDateFormat(String payby, String paydate) throws Exception {
    Map<String, Object> call = data.card(user());
    call.put("payby", payby);
    call.put("paydate", paydate);
    if (payby.equals("CHEK")) {
      call.put("payinfo", "12345678@" + SignupFixtures.VALID_ROUTING);
      call.put("payname", "First Soy Bank");
    } else if (payby.equals("PREPAY")) {
      call.put("payinfo", data.prepaid(new BigDecimal("50.00"), null));
    }
    Map<String, Object> answer = gateway.call("new_customer", call);

    assertThat(answer.get("error")).isEqualTo("");
    assertThat(answer).containsEntry("signup_service", "svc_acct").containsKeys("custnum", "svcnum")
        .doesNotContainKey("_password");
    long custnum = Long.parseLong((String) answer.get("custnum"));
    assertThat(queryString("SELECT payby FROM cust_main WHERE custnum = ?", custnum)).isEqualTo(payby);
    assertThat(queryString("SELECT zip FROM cust_location WHERE custnum = ?", custnum)).isEqualTo("02134");
    assertThat(queryLong("SELECT count(*) FROM cust_main_invoice WHERE custnum = ?", custnum)).isEqualTo(2);
    assertThat(queryString("SELECT charged::text FROM cust_bill WHERE custnum = ?", custnum)).isEqualTo("29.95");
    assertThat(queryLong("SELECT count(*) FROM audit_log WHERE custnum = ? AND action = 'signup'", custnum))
        .isEqualTo(1);
    assertThat(queryString("SELECT password_hash FROM svc_acct WHERE svcnum = ?",
        Long.parseLong((String) answer.get("svcnum")))).startsWith("{SSHA512}").doesNotContain("s33kret");
    if (payby.equals("CARD")) {
      assertThat(queryString("SELECT paymask || ' ' || paydate FROM cust_main WHERE custnum = ?", custnum))
          .isEqualTo("411111xxxxxx1111 " + (paydate.startsWith("1/") ? "2031-01-31" : "2031-11-30"));
    }
    if (payby.equals("PREPAY")) {
      assertThat(queryString("SELECT amount::text FROM cust_credit WHERE custnum = ?", custnum)).isEqualTo("50.00");
      assertThat(queryString("SELECT sum(b.amount)::text FROM cust_credit_bill b JOIN cust_credit c"
          + " USING (crednum) WHERE c.custnum = ?", custnum)).isEqualTo("29.95");
    } else {
      assertThat(queryString("SELECT paid::text FROM cust_pay WHERE custnum = ?", custnum)).isEqualTo("29.95");
    }
  }

  /** Each field spoiled alone, and the answer: Freeside's text for the condition where it has one. */
  static Stream<Arguments> invalidFields() {
    return Stream.of(
        Arguments.of("first", "", "Illegal (name) first: "),
        Arguments.of("last", " ", "Illegal (name) last: "),
        Arguments.of("last", "Beast & Co", "Illegal (name) last: Beast & Co"),
        Arguments.of("last", "x".repeat(81), "last: at most 80 characters"),
        Arguments.of("address1", "", "Illegal or empty (text) address1: "),
        Arguments.of("city", "", "Illegal or empty (text) city: "),
        Arguments.of("state", "California", "Unknown state/county/country: CALIFORNIA//US"),
        Arguments.of("state", "", "Unknown state/county/country: //US"),
        Arguments.of("zip", "2134", "Illegal (zip) zip for country US: 2134"),
        Arguments.of("zip", "", "Illegal (zip) zip for country US: "),
        Arguments.of("country", "USA", "Illegal (country) country: USA"),
        Arguments.of("country", "ZZ", "Unknown state/county/country: CA//ZZ"),
        Arguments.of("daytime", "call me", "Illegal (phone) daytime: call me"),
        Arguments.of("night", "12", "Illegal (phone) night: 12"),
        Arguments.of("fax", "fax!", "Illegal (phone) fax: fax!"),
        Arguments.of("mobile", "555-1212", "Illegal (phone) mobile: 555-1212"),
        Arguments.of("company", "x".repeat(81), "company: at most 80 characters"),
        Arguments.of("address2", "line\ttwo", "Illegal or empty (text) address2: line\ttwo"),
        Arguments.of("invoicing_list", "tofu@example.com, nope", "Illegal email invoice address: nope"),
        Arguments.of("payby", "BILL", "Illegal payment type"),
        Arguments.of("payby", "", "Illegal payment type"),
        Arguments.of("payinfo", "4111111111111112", "Invalid credit card number"),
        Arguments.of("payinfo", "1234567812345670", "Unknown card type"),
        Arguments.of("payinfo", "", "Invalid credit card number"),
        Arguments.of("paydate", "", "Expiration date required"),
        Arguments.of("paydate", "13/2031", "Illegal expiration date: 13/2031"),
        Arguments.of("paydate", "2031-11", "Illegal expiration date: 2031-11"),
        Arguments.of("paydate", "1/2020", "Expired card"),
        Arguments.of("paycvv", "12", "CVV2 (CVC2/CID) is three digits."),
        Arguments.of("paycvv", "1234", "CVV2 (CVC2/CID) is three digits."),
        Arguments.of("payname", "x".repeat(81), "Illegal (name) payname: " + "x".repeat(81)),
        Arguments.of("payname", "Tofu <Beast>", "Illegal (name) payname: Tofu <Beast>"),
        Arguments.of("pkgpart", "", "Please select a package"),
        Arguments.of("pkgpart", "two", "Please select a package"),
        Arguments.of("pkgpart", "999999999", "WARNING: unknown pkgpart: 999999999"),
        Arguments.of("username", "x", "Illegal username (2-32): x"),
        Arguments.of("username", "tofu beast", "Illegal username (2-32): tofu beast"),
        Arguments.of("_password", "", "Empty password"),
        Arguments.of("_password", "short", null), Arguments.of("_password", "x".repeat(65), null),
        Arguments.of("_password", "pässwörd", null),
        Arguments.of("domain", "nowhere.example", "domain: Unknown domain"),
        Arguments.of("domsvc", "abc", "domsvc: must be the domain's service number"),
        Arguments.of("referral_custnum", "abc", "Illegal (numeric) referral_custnum: abc"),
        Arguments.of("referral_custnum", "999999999", "Unknown referring custnum: 999999999"),
        Arguments.of("refnum", "abc", "Illegal or empty (numeric) refnum: abcPlease select an advertising source."),
        Arguments.of("refnum", "999999999", "Unknown refnum"),
        Arguments.of("ss", "123-45-678", "Illegal social security number"),
        Arguments.of("locale", "xx_XX", "Illegal (enum) field locale: xx_XX"),
        Arguments.of("stateid", "D1234*", "Illegal or empty (text) stateid: D1234*"),
        Arguments.of("sec_phrase", "a*b", "Illegal or empty (text) sec_phrase: a*b"),
        Arguments.of("promo_code", "NOSUCH", "Unknown promotional code"),
        Arguments.of("reg_code", "NOSUCH", "Unknown registration code"),
        Arguments.of("ship_address1", "1 Other St", "Illegal or empty (text) city: "));
  }

  @ParameterizedTest(name = "{0} = \"{1}\"")
  @MethodSource("invalidFields")
  void eachInvalidFieldIsFreesidesError(String field, String value, String error) throws Exception {
    Map<String, Object> call = data.card(user());
    call.put(field, value);
    Map<String, Object> answer = gateway.call("new_customer", call);
    if (error == null) { // the service-password rules (ServicePasswords): their own texts, naming the field
      assertThat((String) answer.get("error")).startsWith("_password");
    } else {
      assertThat(answer.get("error")).isEqualTo(error);
    }
    assertThat((String) answer.get("error")).doesNotContain(SignupFixtures.VALID_CARD);
    assertThat(answer).doesNotContainKey("custnum");
  }

  @Test
  void checkErrorsAreFreesides() throws Exception {
    for (String payinfo : new String[] {"12345678", "12345678@021000022", "12@021000021"}) {
      Map<String, Object> call = data.card(user());
      call.put("payby", "CHEK");
      call.put("payinfo", payinfo);
      assertThat(gateway.call("new_customer", call).get("error")).isEqualTo("invalid echeck account@aba");
    }
    Map<String, Object> noBank = data.card(user());
    noBank.put("payby", "CHEK");
    noBank.put("payinfo", "12345678@" + SignupFixtures.VALID_ROUTING);
    noBank.put("payname", "");
    assertThat(gateway.call("new_customer", noBank).get("error")).isEqualTo("");
  }

  @Test
  void packagesAndDomainsMustBeTheAgents() throws Exception {
    Map<String, Object> notSold = data.card(user());
    notSold.put("pkgpart", (int) data.notSoldPkgpart);
    assertThat(gateway.call("new_customer", notSold).get("error"))
        .isEqualTo("agent " + data.agentnum + ":" + data.agentName + " can't purchase pkgpart " + data.notSoldPkgpart);
    Map<String, Object> othersDomain = data.card(user());
    othersDomain.put("domsvc", (int) data.otherAgentsDomsvc);
    assertThat(gateway.call("new_customer", othersDomain).get("error")).isEqualTo("domsvc: Unknown domain");
    Map<String, Object> amexShortCvv = data.card(user());
    amexShortCvv.put("payinfo", "378282246310005");
    assertThat(gateway.call("new_customer", amexShortCvv).get("error"))
        .isEqualTo("CVV2 (CID) for American Express cards is four digits.");
    amexShortCvv.put("paycvv", "1234");
    assertThat(gateway.call("new_customer", amexShortCvv).get("error")).isEqualTo("");
  }

  @Test
  void badSessionIsFreesidesError() throws Exception {
    Map<String, Object> call = data.card(user());
    call.put("session_id", "no-such-session");
    assertThat(gateway.call("new_customer", call).get("error")).isEqualTo("Can't resume session");
  }

  @Test
  void takenUsernameIsInUseCaseInsensitively() throws Exception {
    String name = user();
    assertThat(gateway.call("new_customer", data.card(name)).get("error")).isEqualTo("");
    assertThat(gateway.call("new_customer", data.card(name.toUpperCase())).get("error")).isEqualTo("Username in use");
  }

  @ParameterizedTest
  @ValueSource(strings = {TestPaymentProcessor.DECLINED_VISA, TestPaymentProcessor.DECLINED_MASTERCARD, "CHEK"})
  void declineLeavesNothingBehind(String payinfo) throws Exception {
    String name = user();
    Map<String, Object> call = data.card(name);
    call.put("last", "Decline-" + name);
    if (payinfo.equals("CHEK")) {
      call.put("payby", "CHEK");
      call.put("payinfo", "99990002@" + SignupFixtures.VALID_ROUTING);
      call.put("payname", "Soy Bank");
    } else {
      call.put("payinfo", payinfo);
    }
    assertThat(gateway.call("new_customer", call).get("error")).isEqualTo("_decline");
    assertThat(queryLong("SELECT count(*) FROM cust_main WHERE last = ?", "Decline-" + name)).isZero();
    assertThat(queryLong("SELECT count(*) FROM svc_acct WHERE username = ?", name)).isZero();
    assertThat(gateway.call("new_customer", data.card(name)).get("error")).isEqualTo("");
  }

  @Test
  void prepaidCardsMustExistBeUnusedAndBeTheAgents() throws Exception {
    Map<String, Object> call = data.card(user());
    call.put("payby", "PREPAY");
    call.put("payinfo", "PP-nope");
    assertThat(gateway.call("new_customer", call).get("error")).isEqualTo("Invalid prepaid card");
    call.put("payinfo", data.prepaid(new BigDecimal("50"), data.otherAgentnum));
    assertThat(gateway.call("new_customer", call).get("error"))
        .isEqualTo("prepaid card not valid for agent " + data.agentnum);
    String card = data.prepaid(new BigDecimal("50"), data.agentnum);
    call.put("payinfo", card.toLowerCase());
    assertThat(gateway.call("new_customer", call).get("error")).isEqualTo("");
    call.put("username", user());
    assertThat(gateway.call("new_customer", call).get("error")).isEqualTo("Invalid prepaid card");
  }

  @Test
  void prepaidCardTooSmallIsADeclineAndStaysUnused() throws Exception {
    String card = data.prepaid(new BigDecimal("5.00"), null);
    Map<String, Object> call = data.card(user());
    call.put("payby", "PREPAY");
    call.put("payinfo", card);
    assertThat(gateway.call("new_customer", call).get("error")).isEqualTo("_decline");
    assertThat(queryLong("SELECT count(*) FROM prepay_credit WHERE identifier = ? AND used_at IS NULL", card))
        .isEqualTo(1);
  }

  @Test
  void twoSignupsRacingForOnePrepaidCardOneWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      String card = data.prepaid(new BigDecimal("40.00"), data.agentnum);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        CompletableFuture<Map<String, Object>> a = CompletableFuture.supplyAsync(() -> prepaidSignup(card), pool);
        CompletableFuture<Map<String, Object>> b = CompletableFuture.supplyAsync(() -> prepaidSignup(card), pool);
        long wins = Stream.of(a.join(), b.join()).filter(r -> "".equals(r.get("error"))).count();
        assertThat(wins).isEqualTo(1);
        assertThat(Stream.of(a.join(), b.join()).map(r -> r.get("error")))
            .contains("Invalid prepaid card");
        assertThat(queryLong("SELECT count(*) FROM cust_credit c JOIN prepay_credit p"
            + " ON p.used_by_custnum = c.custnum WHERE p.identifier = ?", card)).isEqualTo(1);
      } finally {
        pool.shutdown();
      }
    }
  }

  private Map<String, Object> prepaidSignup(String card) {
    Map<String, Object> call = data.card(user());
    call.put("payby", "PREPAY");
    call.put("payinfo", card);
    try {
      return gateway.call("new_customer", call);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
