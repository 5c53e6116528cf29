package net.fsgateway.billing;

import static net.fsgateway.billing.FreesideFieldsIT.custnumOf;
import static net.fsgateway.billing.FreesideFieldsIT.row;
import static net.fsgateway.billing.SignupFixtures.execute;
import static net.fsgateway.billing.SignupFixtures.queryLong;
import static net.fsgateway.billing.SignupFixtures.queryString;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.fsgateway.config.SignupConfig;
import net.fsgateway.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Freeside does not require, the gateway does not either: the CVV (unless billing.requireCvv), the invoicing
 * list, a state where the country has none in the location table; country names, Freeside's other expiry forms,
 * and the payment types that charge nothing at signup (BILL, DCRD, DCHK) when billing.paybys and the package
 * allow them.
 */
@Timeout(90)
class SignupRelaxationsIT {
  private static TestGateway everyPayby;
  private static TestGateway requireCvv;
  private static SignupFixtures data;
  private static SignupFixtures strict;

  @BeforeAll
  static void start() throws Exception {
    everyPayby = TestGateway.start(c -> c.withSignup(
        new SignupConfig(SignupConfig.KNOWN_PAYBYS, false, 1, "US", "CA")));
    requireCvv = TestGateway.start(c -> c.withSignup(
        new SignupConfig(List.of("CARD", "DCRD", "CHEK"), true, 1, "US", "CA")));
    data = new SignupFixtures(everyPayby);
    strict = new SignupFixtures(requireCvv);
  }

  @AfterAll
  static void stop() {
    everyPayby.close();
    requireCvv.close();
  }

  @Test
  void cvvIsOptionalUnlessRequired() throws Exception {
    Map<String, Object> call = data.card(FreesideFieldsIT.user());
    call.remove("paycvv");
    assertThat(everyPayby.call("new_customer", call).get("error")).isEqualTo("");

    for (String payby : new String[] {"CARD", "DCRD"}) {
      Map<String, Object> noCvv = strict.card(FreesideFieldsIT.user());
      noCvv.put("payby", payby);
      noCvv.put("paycvv", "");
      assertThat(requireCvv.call("new_customer", noCvv).get("error")).isEqualTo("CVV2 is required");
    }
    Map<String, Object> check = strict.card(FreesideFieldsIT.user());
    check.put("payby", "CHEK");
    check.put("payinfo", "12345678@" + SignupFixtures.VALID_ROUTING);
    check.remove("paycvv");
    assertThat(requireCvv.call("new_customer", check).get("error")).as("a check has no CVV").isEqualTo("");
    assertThat(requireCvv.call("new_customer", strict.card(FreesideFieldsIT.user())).get("error")).isEqualTo("");
  }

  @Test
  void invoicingListIsOptional() throws Exception {
    Map<String, Object> call = data.card(FreesideFieldsIT.user());
    call.remove("invoicing_list");
    long custnum = custnumOf(everyPayby.call("new_customer", call));
    assertThat(queryLong("SELECT count(*) FROM cust_main_invoice WHERE custnum = ?", custnum)).isZero();
  }

  @Test
  void stateIsRequiredOnlyWhereTheLocationTableHasStates() throws Exception {
    Map<String, Object> uk = data.card(FreesideFieldsIT.user());
    uk.put("country", "United Kingdom");
    uk.put("state", "");
    uk.put("zip", "SW1A 1AA");
    uk.put("daytime", "+44 20 7946 0000");
    long custnum = custnumOf(everyPayby.call("new_customer", uk));
    assertThat(row("SELECT state, zip, country FROM cust_location WHERE custnum = ?", custnum))
        .isEqualTo("|SW1A 1AA|GB");
    assertThat(row("SELECT daytime FROM cust_main WHERE custnum = ?", custnum)).isEqualTo("+44 20 7946 0000");

    Map<String, Object> canada = data.card(FreesideFieldsIT.user());
    canada.put("country", "canada");
    canada.put("state", "QC");
    canada.put("zip", "h2x 1y4");
    custnum = custnumOf(everyPayby.call("new_customer", canada));
    assertThat(row("SELECT state, zip, country FROM cust_location WHERE custnum = ?", custnum))
        .isEqualTo("QC|H2X 1Y4|CA");
    canada.put("username", FreesideFieldsIT.user());
    canada.put("state", "CA");
    assertThat(everyPayby.call("new_customer", canada).get("error"))
        .isEqualTo("Unknown state/county/country: CA//CA");

    execute("INSERT INTO cust_main_county (country, state) VALUES ('AR', 'B') ON CONFLICT DO NOTHING");
    Map<String, Object> added = data.card(FreesideFieldsIT.user());
    added.put("country", "AR");
    added.put("state", "B");
    added.put("zip", "C1002");
    assertThat(everyPayby.call("new_customer", added).get("error")).as("a row added to the table").isEqualTo("");
  }

  @ParameterizedTest
  @ValueSource(strings = {"11-2031", "2031-11-01", "11/31"})
  void paydateInFreesidesForms(String paydate) throws Exception {
    Map<String, Object> call = data.card(FreesideFieldsIT.user());
    call.put("paydate", paydate);
    long custnum = custnumOf(everyPayby.call("new_customer", call));
    assertThat(queryString("SELECT paydate::text FROM cust_main WHERE custnum = ?", custnum)).isEqualTo("2031-11-30");
  }

  @ParameterizedTest
  @ValueSource(strings = {"BILL", "DCRD", "DCHK"})
  void paymentTypesThatChargeNothingAtSignup(String payby) throws Exception {
    Map<String, Object> call = data.card(FreesideFieldsIT.user());
    call.put("payby", payby);
    if (payby.equals("DCHK")) {
      call.put("payinfo", "12345678@" + SignupFixtures.VALID_ROUTING);
    } else if (payby.equals("BILL")) {
      call.remove("payinfo");
      call.remove("paydate");
      call.remove("paycvv");
    }
    long custnum = custnumOf(everyPayby.call("new_customer", call));
    assertThat(row("SELECT payby, paymask, (payinfo_enc IS NOT NULL)::text FROM cust_main WHERE custnum = ?",
        custnum)).isEqualTo(switch (payby) {
          case "BILL" -> "BILL||false";
          case "DCRD" -> "DCRD|411111xxxxxx1111|true";
          default -> "DCHK|xxxx5678@021000021|true";
        });
    assertThat(queryString("SELECT charged::text FROM cust_bill WHERE custnum = ?", custnum)).isEqualTo("29.95");
    assertThat(queryLong("SELECT count(*) FROM cust_pay WHERE custnum = ?", custnum)).as("nothing charged").isZero();
  }

  @Test
  void paymentTypesMustBeAllowedByTheGatewayAndThePackage() throws Exception {
    Map<String, Object> bill = strict.card(FreesideFieldsIT.user());
    bill.put("payby", "BILL");
    assertThat(requireCvv.call("new_customer", bill).get("error")).isEqualTo("Illegal payment type");

    execute("UPDATE part_pkg SET paybys = ARRAY['BILL'] WHERE pkgpart = ?", data.pkgpart);
    try {
      assertThat(everyPayby.call("new_customer", data.card(FreesideFieldsIT.user())).get("error"))
          .isEqualTo("Illegal payment type");
      Map<String, Object> billed = data.card(FreesideFieldsIT.user());
      billed.put("payby", "BILL");
      assertThat(everyPayby.call("new_customer", billed).get("error")).isEqualTo("");
    } finally {
      execute("UPDATE part_pkg SET paybys = NULL WHERE pkgpart = ?", data.pkgpart);
    }
  }
}
