package net.fsgateway.billing;

import static net.fsgateway.billing.SignupFixtures.queryString;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fsgateway.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Perl Frontier::Client wire sample (digits as {@code <i4>}, zip {@code <i4>02134</i4>}, CVV {@code <i4>123}),
 * posted raw with a real session and package, and then a scan of the database for card data in clear.
 */
@Timeout(60)
class PerlWireSignupIT {
  private static final String CVV = "857";
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

  @Test
  void perlFrontierBodyKeepsTheZipAsSentAndStoresNoCardInClear() throws Exception {
    String body = sampleBody()
        .replace("<string>abc123</string>", "<string>" + data.sessionId + "</string>")
        .replace("<i4>2</i4>", "<i4>" + data.pkgpart + "</i4>")
        // The sample's CVV 123 also occurs in its street address; a distinctive CVV keeps the scan meaningful.
        .replace("<i4>123</i4>", "<i4>" + CVV + "</i4>");
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(gateway.url("/selfservice/xmlrpc.cgi")))
            .header("Content-Type", "text/xml")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("faultCode").doesNotContain("s33kret").doesNotContain("4111");
    Matcher custnum = Pattern.compile("<name>custnum</name><value><string>(\\d+)</string>").matcher(response.body());
    assertThat(custnum.find()).as(response.body()).isTrue();
    assertThat(queryString("SELECT zip FROM cust_location WHERE custnum = ?", Long.parseLong(custnum.group(1))))
        .isEqualTo("02134");
    assertThat(queryString("SELECT paymask FROM cust_main WHERE custnum = ?", Long.parseLong(custnum.group(1))))
        .isEqualTo("411111xxxxxx1111");
    assertThat(clearTextHits("4111111111111111")).isEmpty();
    assertThat(clearTextHits("s33kret")).isEmpty();
    assertThat(cvvHits(Long.parseLong(custnum.group(1)))).isEmpty();
  }

  @Test
  void aSocialSecurityNumberIsStoredOnlyEncrypted() throws Exception {
    String body = sampleBody()
        .replace("<string>abc123</string>", "<string>" + data.sessionId + "</string>")
        .replace("<i4>2</i4>", "<i4>" + data.pkgpart + "</i4>")
        .replace("<string>tofu</string>", "<string>tofu-ss</string>")
        .replaceFirst("<struct>",
            "<struct><member><name>ss</name><value><string>219-09-9999</string></value></member>");
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(gateway.url("/selfservice/xmlrpc.cgi")))
            .header("Content-Type", "text/xml")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.body()).contains("<name>custnum</name>").doesNotContain("09-9999");
    assertThat(clearTextHits("219-09-9999")).isEmpty();
    assertThat(clearTextHits("219099999")).isEmpty();
    assertThat(clearTextHits("xxx-xx-9999")).containsExactly("cust_main.ss_mask");
  }

  /** Every text-like and bytea column of every table, searched for {@code needle}. */
  static List<String> clearTextHits(String needle) throws Exception {
    List<String> hits = new ArrayList<>();
    try (Connection c = SignupFixtures.jdbc(); Statement st = c.createStatement()) {
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns"
          + " WHERE table_schema = 'public' AND data_type IN ('text', 'bytea', 'character varying')")) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      for (String[] col : columns) {
        String value = col[2].equals("bytea") ? "encode(\"" + col[1] + "\", 'escape')" : "\"" + col[1] + "\"";
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + col[0] + "\" WHERE strpos(" + value
            + ", '" + needle + "') > 0")) {
          rs.next();
          if (rs.getLong(1) > 0) {
            hits.add(col[0] + "." + col[1]);
          }
        }
      }
    }
    return hits;
  }

  /** The CVV in any of this customer's own text columns. */
  private static List<String> cvvHits(long custnum) throws Exception {
    List<String> hits = new ArrayList<>();
    String[] rows = {
        "SELECT first || last || company || daytime || night || fax || payname || paymask FROM cust_main WHERE custnum = ?",
        "SELECT address1 || address2 || city || state || zip || country FROM cust_location WHERE custnum = ?",
        "SELECT string_agg(detail, '') FROM audit_log WHERE custnum = ?"};
    for (String sql : rows) {
      String text = queryString(sql, custnum);
      if (text != null && text.contains(CVV)) {
        hits.add(sql);
      }
    }
    return hits;
  }

  private static String sampleBody() throws IOException {
    try (InputStream in = PerlWireSignupIT.class.getResourceAsStream("/wire-samples/perl-frontier-client.http")) {
      String http = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int start = http.indexOf("<?xml");
      return http.substring(start);
    }
  }
}
