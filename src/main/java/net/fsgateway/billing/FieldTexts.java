package net.fsgateway.billing;

/**
 * Freeside's error texts for a field that fails its check (FS::Record's ut_* checks and its message catalogue),
 * so an integration that matches on them keeps working. Values echoed are the caller's own non-secret fields;
 * secrets (card, account, SSN, password) are never passed here.
 */
final class FieldTexts {
  private FieldTexts() {
  }

  /** ut_name: first, last, payname. */
  static SignupRejected illegalName(String field, String value) {
    return new SignupRejected("Illegal (name) " + field + ": " + value);
  }

  /** ut_text / ut_textn: address lines, city, company, county, stateid... */
  static SignupRejected illegalText(String field, String value) {
    return new SignupRejected("Illegal or empty (text) " + field + ": " + value);
  }

  /** ut_phonen for US and Canadian numbers. */
  static SignupRejected illegalPhone(String field, String value) {
    return new SignupRejected("Illegal (phone) " + field + ": " + value);
  }

  /** ut_zip: with the country for the countries whose format it knows. */
  static SignupRejected illegalZip(String field, String value, String country) {
    return new SignupRejected(Addresses.zipFormatKnown(country)
        ? "Illegal (zip) " + field + " for country " + country + ": " + value
        : "Illegal (zip) " + field + ": " + value);
  }

  /** ut_country. */
  static SignupRejected illegalCountry(String field, String value) {
    return new SignupRejected("Illegal (country) " + field + ": " + value);
  }

  /** ut_numbern. */
  static SignupRejected illegalNumber(String field, String value) {
    return new SignupRejected("Illegal (numeric) " + field + ": " + value);
  }

  /** ut_enum. */
  static SignupRejected illegalEnum(String field, String value) {
    return new SignupRejected("Illegal (enum) field " + field + ": " + value);
  }

  /** A value longer than Freeside's column ($char_d, 80): Freeside has no text of its own (the database refuses). */
  static SignupRejected tooLong(String field, int max) {
    return new SignupRejected(field + ": at most " + max + " characters");
  }
}
