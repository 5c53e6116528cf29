package net.fsgateway.billing;

import static net.fsgateway.billing.SignupFixtures.execute;
import static net.fsgateway.billing.SignupFixtures.insert;
import static net.fsgateway.billing.SignupFixtures.queryLong;
import static net.fsgateway.billing.SignupFixtures.queryString;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import net.fsgateway.config.SignupConfig;
import net.fsgateway.security.CardKeys;
import net.fsgateway.security.CardVault;
import net.fsgateway.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * new_customer with every field Freeside keeps: each is stored where Freeside stores it (checked in the
 * database), billing fields read from bill_X before X, a different ship_ address becomes the service location,
 * the SSN is stored only encrypted, and the answer carries the username but never the password. Read back through
 * agent_list_customers, each stored customer value is answered as Freeside's listing has it: the billing address
 * members (with locationname and county) and both location numbers, the SSN only as its mask.
 */
@Timeout(60)
class FreesideFieldsIT {
  private static TestGateway gateway;
  private static SignupFixtures data;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start(c -> c.withSignup(new SignupConfig(SignupConfig.KNOWN_PAYBYS, false, 1, "US", "CA")));
    data = new SignupFixtures(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static String user() {
    return "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @Test
  void everyFreesideFieldIsStored() throws Exception {
    long referrer = custnumOf(gateway.call("new_customer", data.card(user())));
    long refnum = insert("INSERT INTO part_referral (referral, agentnum) VALUES ('Radio', ?) RETURNING refnum",
        data.agentnum);
    String username = user();
    Map<String, Object> call = everyField(username, referrer, refnum);

    Map<String, Object> answer = gateway.call("new_customer", call);
    assertThat(answer.get("error")).isEqualTo("");
    assertThat(String.valueOf(answer.get("username"))).isEqualTo(username);
    assertThat(answer).doesNotContainKey("_password");
    long custnum = custnumOf(answer);

    assertThat(row("SELECT first, last, company, daytime, night, mobile, fax, comments, referral_custnum::text,"
        + " refnum::text, stateid, stateid_state, ss_mask, locale, payby FROM cust_main WHERE custnum = ?", custnum))
        .isEqualTo("Tofu|Beast|Soy Co|555-555-1212|555-555-1213 x7|555-555-1214|555-555-1215|"
            + "Prefers e-mail.\nCall after 5.|" + referrer + "|" + refnum + "|D1234567|CA|xxx-xx-1120|fr_CA|CARD");
    assertThat(row("SELECT l.locationname, l.address1, l.address2, l.city, l.county, l.state, l.zip, l.country"
        + " FROM cust_main c JOIN cust_location l ON l.locationnum = c.bill_locationnum WHERE c.custnum = ?", custnum))
        .isEqualTo("Head office|1 Billing Rd|Suite 2|Billtown|Alameda|CA|94501|US");
    assertThat(row("SELECT l.locationname, l.address1, l.address2, l.city, l.county, l.state, l.zip, l.country"
        + " FROM cust_main c JOIN cust_location l ON l.locationnum = c.ship_locationnum WHERE c.custnum = ?", custnum))
        .isEqualTo("Farm|9 Service Way||Servicetown||ON|K1A 0B1|CA");
    assertThat(queryLong("SELECT count(*) FROM cust_location WHERE custnum = ?", custnum)).isEqualTo(2);
    assertThat(queryString("SELECT string_agg(dest, ',' ORDER BY destnum) FROM cust_main_invoice WHERE custnum = ?",
        custnum)).isEqualTo("tofu@example.com,POST");
    assertThat(queryString("SELECT sec_phrase FROM svc_acct WHERE username = ?", username))
        .isEqualTo("first pet: tofu");

    CardVault vault = new CardVault(CardKeys.load(gateway.config().billing().cardKey(), "unused", true));
    try (Connection c = SignupFixtures.jdbc();
         PreparedStatement st = c.prepareStatement("SELECT ss_enc FROM cust_main WHERE custnum = ?")) {
      st.setLong(1, custnum);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        assertThat(vault.decrypt(rs.getBytes(1))).isEqualTo("078-05-1120");
      }
    }
  }

  @Test
  void everyFreesideFieldIsReadBackThroughTheListing() throws Exception {
    long referrer = custnumOf(gateway.call("new_customer", data.card(user())));
    long refnum = insert("INSERT INTO part_referral (referral, agentnum) VALUES ('Print', ?) RETURNING refnum",
        data.agentnum);
    long custnum = custnumOf(gateway.call("new_customer", everyField(user(), referrer, refnum)));
    String locations = row("SELECT bill_locationnum, ship_locationnum FROM cust_main WHERE custnum = ?", custnum);

    Map<String, Object> listing = gateway.call("agent_list_customers",
        Map.of("session_id", data.sessionId, "search", Long.toString(custnum)));
    assertThat(listing.get("error")).isEqualTo("");
    Map<String, Object> c = Arrays.stream((Object[]) listing.get("customers")).map(FreesideFieldsIT::struct)
        .filter(m -> String.valueOf(custnum).equals(m.get("custnum"))).findFirst().orElseThrow();

    Map<String, String> expected = new HashMap<>();
    expected.put("agentnum", Long.toString(data.agentnum));
    expected.put("first", "Tofu");
    expected.put("last", "Beast");
    expected.put("company", "Soy Co");
    expected.put("name", "Soy Co (Beast, Tofu)");
    expected.put("daytime", "555-555-1212");
    expected.put("night", "555-555-1213 x7");
    expected.put("mobile", "555-555-1214");
    expected.put("fax", "555-555-1215");
    expected.put("comments", "Prefers e-mail.\nCall after 5.");
    expected.put("referral_custnum", Long.toString(referrer));
    expected.put("refnum", Long.toString(refnum));
    expected.put("stateid", "D1234567");
    expected.put("stateid_state", "CA");
    expected.put("ss", "xxx-xx-1120");
    expected.put("locale", "fr_CA");
    expected.put("payby", "CARD");
    expected.put("payname", "Tofu Beast");
    expected.put("paymask", "411111xxxxxx1111");
    expected.put("paydate", "2031-11-30");
    expected.put("bill_locationnum", locations.split("\\|")[0]);
    expected.put("ship_locationnum", locations.split("\\|")[1]);
    expected.put("locationname", "Head office");
    expected.put("address1", "1 Billing Rd");
    expected.put("address2", "Suite 2");
    expected.put("city", "Billtown");
    expected.put("county", "Alameda");
    expected.put("state", "CA");
    expected.put("zip", "94501");
    expected.put("country", "US");
    expected.put("status", "active");
    expected.put("cust_status", "active");
    expected.put("status_label", "Active");
    expected.put("statuscolor", "00CC00");
    assertThat(c).containsAllEntriesOf(expected);
    assertThat(locations.split("\\|")[0]).isNotEqualTo(locations.split("\\|")[1]);
    long now = System.currentTimeMillis() / 1000;
    assertThat(Long.parseLong(String.valueOf(c.get("signupdate")))).isBetween(now - 600, now + 5);
    // Secrets never leave: no clear or encrypted SSN or card, no account security phrase or password.
    assertThat(c.keySet()).doesNotContain("ss_enc", "ss_mask", "payinfo", "payinfo_enc", "paycvv", "sec_phrase",
        "_password");
    assertThat(c.values()).allSatisfy(v -> assertThat(String.valueOf(v).replaceAll("\\D", ""))
        .doesNotContain("078051120").doesNotContain("4111111111111111"));
  }

  /** A CARD signup with every field Freeside keeps and some it accepts and the gateway ignores. */
  private static Map<String, Object> everyField(String username, long referrer, long refnum) {
    Map<String, Object> call = data.card(username);
    call.put("address1", "ignored when bill_address1 is sent");
    call.put("bill_locationname", "Head office");
    call.put("bill_address1", "1 Billing Rd");
    call.put("bill_address2", "Suite 2");
    call.put("bill_city", "Billtown");
    call.put("bill_county", "Alameda");
    call.put("bill_state", "ca");
    call.put("bill_zip", "94501");
    call.put("bill_country", "United States");
    call.put("ship_locationname", "Farm");
    call.put("ship_address1", "9 Service Way");
    call.put("ship_city", "Servicetown");
    call.put("ship_state", "ON");
    call.put("ship_zip", "k1a0b1");
    call.put("ship_country", "CA");
    call.put("daytime", "(555) 555 1212");
    call.put("night", "555.555.1213 ext 7");
    call.put("mobile", "5555551214");
    call.put("fax", "555-555-1215");
    call.put("comments", "Prefers e-mail.\nCall after 5.");
    call.put("referral_custnum", Long.toString(referrer));
    call.put("refnum", Long.toString(refnum));
    call.put("stateid", "D1234567");
    call.put("stateid_state", "CA");
    call.put("ss", "078 05 1120");
    call.put("locale", "fr_CA");
    call.put("sec_phrase", "first pet: tofu");
    call.put("invoicing_list", "tofu@example.com, POST");
    // accepted and ignored (README): features the gateway does not have
    call.put("tax_STATE", "Y");
    call.put("snarf_machine1", "pop.example.com");
    call.put("popnum", "3");
    call.put("salesnum", "2");
    call.put("mac_addr", "00:11:22:33:44:55");

    return call;
  }

  @Test
  void theSameShipAddressIsOneLocation() throws Exception {
    Map<String, Object> call = data.card(user());
    for (String field : new String[] {"address1", "city", "state", "zip", "country"}) {
      call.put("ship_" + field, call.get(field));
    }
    long custnum = custnumOf(gateway.call("new_customer", call));
    assertThat(queryLong("SELECT count(*) FROM cust_location WHERE custnum = ?", custnum)).isEqualTo(1);
    assertThat(queryLong("SELECT count(*) FROM cust_main WHERE custnum = ? AND bill_locationnum = ship_locationnum"
        + " AND bill_locationnum IS NOT NULL", custnum)).isEqualTo(1);
  }

  @Test
  void referralsAndSourcesMustBeTheAgents() throws Exception {
    execute("INSERT INTO cust_main (agentnum, first, last, payby) VALUES (?, 'Other', 'Customer', 'BILL')",
        data.otherAgentnum);
    long othersCustomer = queryLong("SELECT max(custnum) FROM cust_main WHERE agentnum = ?", data.otherAgentnum);
    Map<String, Object> call = data.card(user());
    call.put("referral_custnum", Long.toString(othersCustomer));
    assertThat(gateway.call("new_customer", call).get("error"))
        .isEqualTo("Unknown referring custnum: " + othersCustomer);

    long othersSource = insert("INSERT INTO part_referral (referral, agentnum) VALUES ('Theirs', ?) RETURNING refnum",
        data.otherAgentnum);
    long disabled = insert("INSERT INTO part_referral (referral, disabled) VALUES ('Old', true) RETURNING refnum");
    for (long refnum : new long[] {othersSource, disabled}) {
      Map<String, Object> withSource = data.card(user());
      withSource.put("refnum", Long.toString(refnum));
      assertThat(gateway.call("new_customer", withSource).get("error")).isEqualTo("Unknown refnum");
    }
    long custnum = custnumOf(gateway.call("new_customer", data.card(user())));
    assertThat(queryString("SELECT refnum::text FROM cust_main WHERE custnum = ?", custnum))
        .as("no refnum: billing.defaultRefnum").isEqualTo("1");
  }

  static long custnumOf(Map<String, Object> answer) {
    assertThat(answer.get("error")).isEqualTo("");
    return Long.parseLong(String.valueOf(answer.get("custnum")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> struct(Object value) {
    return (Map<String, Object>) value;
  }

  /** The columns of the first row joined with '|' (null as ''). */
  static String row(String sql, long key) throws Exception {
    try (Connection c = SignupFixtures.jdbc(); PreparedStatement st = c.prepareStatement(sql)) {
      st.setLong(1, key);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.append(i > 1 ? "|" : "").append(rs.getString(i) == null ? "" : rs.getString(i));
        }
        return out.toString();
      }
    }
  }
}
