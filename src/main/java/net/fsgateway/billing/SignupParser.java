package net.fsgateway.billing;

import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import net.fsgateway.dispatch.CallFailure;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.security.ServicePasswords;
import net.fsgateway.xmlrpc.XStruct;

/**
 * Turns a new_customer struct into a {@link SignupRequest}, reading each field by its meaning (a zip sent as
 * {@code <i4>02134</i4>} stays "02134"). The first invalid field ends parsing with a {@link SignupRejected}
 * naming it; a struct or array where a scalar belongs is an invalid-params fault (from {@link Fields}).
 */
public final class SignupParser {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,31}");
  private static final int NAME_MAX = 80;

  private SignupParser() {
  }

  public static SignupRequest parse(XStruct p, YearMonth now) {
    String password = Fields.text(p, "_password");
    SignupRequest.Customer customer = customer(p);
    List<String> emails = Addresses.emailList(Fields.trimmed(p, "invoicing_list"))
        .orElseThrow(() -> new SignupRejected("invoicing_list: one to " + Addresses.MAX_EMAILS
            + " valid e-mail addresses, comma-separated, are required"));
    long pkgpart = pkgpart(p);
    String username = Fields.trimmed(p, "username");
    if (!USERNAME.matcher(username).matches()) {
      throw new SignupRejected("username: 2 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    ServicePasswords.violation(password, username).ifPresent(message -> {
      throw new SignupRejected(message);
    });
    Long domsvc = domsvc(p);
    String domain = Fields.trimmed(p, "domain");
    Payment payment = PaymentParser.parse(p, now, customer.first() + " " + customer.last());
    return new SignupRequest(customer, emails, pkgpart, username, password, domsvc, domain, payment);
  }

  private static SignupRequest.Customer customer(XStruct p) {
    String country = required(p, "country", 2);
    if (!Addresses.twoLetterCode(country)) {
      throw new SignupRejected("country: a 2-letter country code is required");
    }
    String state = required(p, "state", 2);
    if (!Addresses.twoLetterCode(state)) {
      throw new SignupRejected("state: a 2-letter state or province code is required");
    }
    String zip = required(p, "zip", 10);
    if (!Addresses.postalCode(zip, country)) {
      throw new SignupRejected("zip: Illegal zip or postal code");
    }
    return new SignupRequest.Customer(required(p, "first", NAME_MAX), required(p, "last", NAME_MAX),
        optional(p, "company", NAME_MAX), required(p, "address1", NAME_MAX), optional(p, "address2", NAME_MAX),
        required(p, "city", NAME_MAX), state.toUpperCase(java.util.Locale.ROOT), zip,
        country.toUpperCase(java.util.Locale.ROOT), phone(p, "daytime"), phone(p, "night"), phone(p, "fax"));
  }

  private static long pkgpart(XStruct p) {
    Long pkgpart;
    Fields.text(p, "pkgpart"); // a struct or array here is invalid params (a fault), not a field error
    try {
      pkgpart = Fields.number(p, "pkgpart");
    } catch (CallFailure notANumber) {
      throw new SignupRejected("pkgpart: Please select a package");
    }
    if (pkgpart == null || pkgpart <= 0) {
      throw new SignupRejected("pkgpart: Please select a package");
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

  private static String required(XStruct p, String name, int max) {
    String value = Fields.trimmed(p, name);
    if (value.isEmpty()) {
      throw new SignupRejected(name + ": required");
    }
    return checked(name, value, max);
  }

  private static String optional(XStruct p, String name, int max) {
    return checked(name, Fields.trimmed(p, name), max);
  }

  private static String checked(String name, String value, int max) {
    if (!Addresses.freeText(value, max)) {
      throw new SignupRejected(name + ": at most " + max + " characters, no control characters");
    }
    return value;
  }

  private static String phone(XStruct p, String name) {
    String value = Fields.trimmed(p, name);
    if (!value.isEmpty() && !Addresses.phone(value)) {
      throw new SignupRejected(name + ": Illegal phone number");
    }
    return value;
  }
}
