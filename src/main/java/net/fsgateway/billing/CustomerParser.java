package net.fsgateway.billing;

import java.util.List;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.xmlrpc.XStruct;

/**
 * The customer's own fields of a new_customer call, checked in the order and with the texts of Freeside's
 * cust_main check: names, company, comments, referral_custnum, stateid, locale, refnum, ss and the phones (a US or
 * Canadian number by the billing country's rules, stored as Freeside stores it).
 */
final class CustomerParser {
  /** Freeside's invoicing locales (FS::Locales). */
  static final List<String> LOCALES = List.of("en_US", "en_AU", "en_CA", "es_ES", "es_AR", "es_CU", "es_MX",
      "es_PA", "es_US", "fr_CA", "fr_FR", "fr_HT", "ht_HT", "iw_IL");
  private static final int COMMENTS_MAX = 10_000;

  private CustomerParser() {
  }

  static SignupRequest.Customer parse(XStruct p, String country) {
    String last = name(p, "last");
    String first = name(p, "first");
    String company = CharClasses.collapseSpaces(Fields.trimmed(p, "company"));
    optionalText("company", company);
    String comments = Fields.text(p, "comments");
    if (!Addresses.freeText(comments, COMMENTS_MAX)) {
      throw new SignupRejected("comments: at most " + COMMENTS_MAX + " characters, no control characters");
    }
    Long referral = number(p, "referral_custnum");
    String stateid = optionalText("stateid", Fields.trimmed(p, "stateid"));
    String stateidState = optionalText("stateid_state", Fields.trimmed(p, "stateid_state"));
    String locale = Fields.trimmed(p, "locale");
    if (!locale.isEmpty() && !LOCALES.contains(locale)) {
      throw FieldTexts.illegalEnum("locale", locale);
    }
    Long refnum = refnum(p);
    String ss = ss(Fields.trimmed(p, "ss"));
    return new SignupRequest.Customer(first, last, company, phone(p, "daytime", country),
        phone(p, "night", country), phone(p, "fax", country), phone(p, "mobile", country), comments, stateid,
        stateidState, ss, locale, referral, refnum);
  }

  private static String name(XStruct p, String field) {
    String value = CharClasses.collapseSpaces(Fields.trimmed(p, field));
    if (!Addresses.name(value)) {
      throw FieldTexts.illegalName(field, value);
    }
    if (value.length() > LocationParser.MAX) {
      throw FieldTexts.tooLong(field, LocationParser.MAX);
    }
    return value;
  }

  private static String optionalText(String field, String value) {
    if (!value.isEmpty() && !Addresses.text(value)) {
      throw FieldTexts.illegalText(field, value);
    }
    if (value.length() > LocationParser.MAX) {
      throw FieldTexts.tooLong(field, LocationParser.MAX);
    }
    return value;
  }

  private static Long number(XStruct p, String field) {
    String text = Fields.trimmed(p, field);
    if (text.isEmpty()) {
      return null;
    }
    if (!CharClasses.digits(text, 1, 18)) {
      throw FieldTexts.illegalNumber(field, text);
    }
    return Long.parseLong(text);
  }

  /** Freeside appends its advice to ut_number's text, without a space. */
  private static Long refnum(XStruct p) {
    String text = Fields.trimmed(p, "refnum");
    if (!text.isEmpty() && !CharClasses.digits(text, 1, 18)) {
      throw new SignupRejected("Illegal or empty (numeric) refnum: " + text + "Please select an advertising source.");
    }
    return text.isEmpty() || Long.parseLong(text) == 0 ? null : Long.parseLong(text);
  }

  /** nnn-nn-nnnn; the number itself is never quoted back (Freeside's text appends it). */
  private static String ss(String text) {
    if (text.isEmpty()) {
      return "";
    }
    String digits = CharClasses.onlyDigits(text);
    if (digits.length() != 9) {
      throw new SignupRejected("Illegal social security number");
    }
    return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
  }

  private static String phone(XStruct p, String field, String country) {
    String text = Fields.trimmed(p, field);
    // Freeside checks US and Canadian numbers as phones; elsewhere a phone is text.
    String phone = Addresses.phone(text, country).orElseThrow(() -> country.equals("US") || country.equals("CA")
        ? FieldTexts.illegalPhone(field, text) : FieldTexts.illegalText(field, text));
    if (phone.length() > LocationParser.MAX) {
      throw FieldTexts.tooLong(field, LocationParser.MAX);
    }
    return phone;
  }
}
