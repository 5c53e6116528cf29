package net.fsgateway.bench;

import java.util.Locale;
import net.fsgateway.xmlrpc.XStruct;

/**
 * new_customer params for the test payment processor: a card that is approved (4111 1111 1111 1111, 12/2030, CVV
 * 123), a valid US address, and a username unique to this run (a base-36 run tag plus a counter), so that
 * repeated runs against the same database never collide.
 */
final class Signups {
  private final String runTag;
  private long sequence;

  Signups() {
    this.runTag = "b" + Long.toString(System.currentTimeMillis(), 36).toLowerCase(Locale.ROOT);
  }

  String nextUsername() {
    return runTag + "x" + Long.toString(sequence++, 36);
  }

  Call call(String sessionId, SignupCatalog catalog) {
    String username = nextUsername();
    XStruct params = XStruct.builder()
        .put("session_id", sessionId)
        .put("first", "Bench")
        .put("last", "User " + username)
        .put("company", "")
        .put("address1", "1 Test Street")
        .put("address2", "")
        .put("city", "Springfield")
        .put("state", "IL")
        .put("zip", "62701")
        .put("country", "US")
        .put("daytime", "217-555-0100")
        .put("invoicing_list", username + "@example.com")
        .put("payby", "CARD")
        .put("payinfo", "4111111111111111")
        .put("paydate", "12/2030")
        .put("paycvv", "123")
        .put("payname", "Bench User")
        .put("pkgpart", catalog.pkgpart())
        .put("username", username)
        .put("_password", "Secr3t-" + username.substring(username.length() - 3))
        .build();
    return Call.of("new_customer", params, Expectation.SUCCESS, username);
  }
}
