package net.fsgateway.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Postal and contact fields of a customer: codes, postal codes, phone numbers and the invoicing e-mail list. */
public final class Addresses {
  private static final Pattern TWO_LETTERS = Pattern.compile("[A-Za-z]{2}");
  private static final Pattern US_ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
  private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,9}");
  private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. x]{7,30}");
  // Deliberately simple: a local part, an @ and a dotted domain; mailers decide the rest.
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  static final int MAX_EMAILS = 10;

  private Addresses() {
  }

  public static boolean twoLetterCode(String text) {
    return TWO_LETTERS.matcher(text).matches();
  }

  /** US ZIP codes are 5 or 5+4 digits (leading zeros kept); elsewhere a short alphanumeric postal code. */
  public static boolean postalCode(String zip, String country) {
    return "US".equalsIgnoreCase(country) ? US_ZIP.matcher(zip).matches() : POSTAL_CODE.matcher(zip).matches();
  }

  public static boolean phone(String text) {
    return PHONE.matcher(text).matches() && text.chars().anyMatch(Character::isDigit);
  }

  public static boolean email(String text) {
    return text.length() <= 254 && EMAIL.matcher(text).matches();
  }

  /** The comma-separated list split as Freeside splits it; empty when any address is malformed. */
  public static Optional<List<String>> emailList(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.strip().split("\\s*,\\s*")) {
      if (!email(part)) {
        return Optional.empty();
      }
      out.add(part);
    }
    return out.isEmpty() || out.size() > MAX_EMAILS ? Optional.empty() : Optional.of(List.copyOf(out));
  }

  /** Free text of a name or address line: present when required, bounded, no control characters. */
  public static boolean freeText(String text, int maxLength) {
    return text.length() <= maxLength && text.codePoints().noneMatch(Character::isISOControl);
  }
}
