package net.fsgateway.billing;

import java.time.YearMonth;
import java.util.List;
import net.fsgateway.config.SignupConfig;
import net.fsgateway.dispatch.CallFailure;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.security.ServicePasswords;
import net.fsgateway.xmlrpc.XStruct;

/**
 * Turns a new_customer struct into a {@link SignupRequest}, reading each field by its meaning (a zip sent as
 * {@code <i4>02134</i4>} stays "02134"). The first invalid field ends parsing with a {@link SignupRejected}
 * carrying Freeside's text for it; a struct or array where a scalar belongs is an invalid-params fault (from
 * {@link Fields}). Fields for features the gateway does not have are accepted and ignored (README lists them).
 */
public final class SignupParser {

  private SignupParser() {
  }

  public static SignupRequest parse(XStruct p, YearMonth now, SignupConfig rules) {
    String password = Fields.text(p, "_password");
    if (password.isEmpty()) {
      throw new SignupRejected("Empty password");
    }
    long pkgpart = pkgpart(p);
    SignupRequest.Location bill = LocationParser.bill(p);
    SignupRequest.Customer customer = CustomerParser.parse(p, bill.country());
    SignupRequest.Location ship = LocationParser.ship(p, bill);
    List<String> emails = invoicingList(Fields.trimmed(p, "invoicing_list"));
    String username = Fields.trimmed(p, "username");
    if (!CharClasses.username(username)) {
      throw new SignupRejected("Illegal username (2-32): " + username);
    }
    ServicePasswords.violation(password, username).ifPresent(message -> {
      throw new SignupRejected(message);
    });
    String secPhrase = Fields.trimmed(p, "sec_phrase");
    if (!secPhrase.isEmpty() && (!Addresses.text(secPhrase) || secPhrase.length() > LocationParser.MAX)) {
      throw FieldTexts.illegalText("sec_phrase", secPhrase);
    }
    Long domsvc = domsvc(p);
    String domain = Fields.trimmed(p, "domain");
    String promoCode = code(p, "promo_code", SignupRejected.UNKNOWN_PROMO_CODE);
    String regCode = code(p, "reg_code", SignupRejected.UNKNOWN_REG_CODE);
    Payment payment = PaymentParser.parse(p, now, customer.first() + " " + customer.last(), rules);
    return new SignupRequest(customer, bill, ship, emails, pkgpart, username, password, secPhrase, domsvc, domain,
        promoCode, regCode, payment);
  }

  /** Optional, as in Freeside; {@code POST} (invoices by post) is a destination like an address. */
  private static List<String> invoicingList(String text) {
    return Addresses.emailList(text).orElseThrow(() -> {
      String bad = List.of(Addresses.split(text)).stream()
          .filter(dest -> !dest.equals("POST") && !Addresses.email(dest)).findFirst().orElse("");
      return new SignupRejected(bad.isEmpty()
          ? "invoicing_list: at most " + Addresses.MAX_EMAILS + " addresses"
          : "Illegal email invoice address: " + bad);
    });
  }

  private static long pkgpart(XStruct p) {
    Fields.text(p, "pkgpart"); // a struct or array here is invalid params (a fault), not a field error
    Long pkgpart;
    try {
      pkgpart = Fields.number(p, "pkgpart");
    } catch (CallFailure notANumber) {
      pkgpart = null;
    }
    if (pkgpart == null || pkgpart <= 0) {
      throw new SignupRejected("Please select a package");
    }
    return pkgpart;
  }

  private static Long domsvc(XStruct p) {
    Fields.text(p, "domsvc"); // a struct or array here is invalid params (a fault), not a field error
    try {
      return Fields.number(p, "domsvc");
    } catch (CallFailure notANumber) {
      throw new SignupRejected("domsvc: must be the domain's service number");
    }
  }

  /** A promotional or registration code: a shape no real code has cannot match one. */
  private static String code(XStruct p, String field, String unknown) {
    String code = Fields.trimmed(p, field);
    if (!code.isEmpty() && !CharClasses.CODE.matches(code, 1, 64)) {
      throw new SignupRejected(unknown);
    }
    return code;
  }
}
