package net.fsgateway.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postal and contact fields of a customer, checked as Freeside checks them (FS::Record ut_name, ut_text, ut_zip,
 * ut_phonen) and normalised the way it stores them; the invoicing e-mail list.
 */
public final class Addresses {
  private static final String WORD = "\\p{L}\\p{M}\\p{Nd}\\p{Pc}";
  private static final Pattern CA_ZIP = Pattern.compile("([A-Za-z]\\d[A-Za-z])\\s*(\\d[A-Za-z]\\d)");
  private static final Pattern AU_ZIP = Pattern.compile("\\d{4}");
  private static final Pattern OTHER_ZIP = Pattern.compile("[" + WORD + "][" + WORD + "\\-\\s]{0,8}[" + WORD + "]");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*,\\s*");
  static final int MAX_EMAILS = 10;

  private Addresses() {
  }

  public static boolean twoLetterCode(String text) {
    return CharClasses.twoLetters(text);
  }

  /** ut_name: letters, digits, spaces and , . - ' (at least one character). */
  public static boolean name(String text) {
    return CharClasses.NAME.matchesAll(text);
  }

  /** ut_text: letters, digits, spaces and common punctuation (at least one character). */
  public static boolean text(String text) {
    return CharClasses.TEXT.matchesAll(text);
  }

  /** The countries whose postal codes Freeside checks by format (and requires). */
  public static boolean zipFormatKnown(String country) {
    return country.equals("US") || country.equals("CA") || country.equals("AU");
  }

  /** ut_zip: the postal code as stored ("K1A 0B1"), or empty when it is not valid for the country. */
  public static Optional<String> postalCode(String zip, String country) {
    String z = zip.strip();
    return switch (country.toUpperCase(java.util.Locale.ROOT)) {
      case "US" -> CharClasses.usZip(z) ? Optional.of(z) : Optional.empty();
      case "CA" -> {
        Matcher m = CA_ZIP.matcher(z);
        yield m.matches() ? Optional.of((m.group(1) + " " + m.group(2)).toUpperCase(java.util.Locale.ROOT))
            : Optional.empty();
      }
      case "AU" -> AU_ZIP.matcher(z).matches() ? Optional.of(z) : Optional.empty();
      default -> z.isEmpty() || OTHER_ZIP.matcher(z).matches() ? Optional.of(z) : Optional.empty();
    };
  }

  /**
   * ut_phonen: a US or Canadian number is ten digits (plus an extension), stored "555-555-1212 x12"; elsewhere
   * free text. Empty when not valid.
   */
  public static Optional<String> phone(String text, String country) {
    if (text.isEmpty()) {
      return Optional.of("");
    }
    if (!country.equals("US") && !country.equals("CA")) {
      return text(text) ? Optional.of(text) : Optional.empty();
    }
    // (\d{3})(\d{3})(\d{4})(\d*) over the digits
    String digits = CharClasses.onlyDigits(text);
    if (digits.length() < 10) {
      return Optional.empty();
    }
    String extension = digits.length() == 10 ? "" : " x" + digits.substring(10);
    return Optional.of(digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 10)
        + extension);
  }

  public static boolean email(String text) {
    // Deliberately simple: a local part, an @ and a dotted domain; mailers decide the rest.
    return text.length() <= 254 && CharClasses.email(text);
  }

  /**
   * The comma-separated list split as Freeside splits it: '' is no addresses; {@code POST} (send invoices by
   * post) is kept as a destination as Freeside keeps it. Empty when an address is malformed or there are too many.
   */
  public static Optional<List<String>> emailList(String text) {
    List<String> out = new ArrayList<>();
    if (text.isBlank()) {
      return Optional.of(List.of());
    }
    for (String part : split(text)) {
      if (!part.equals("POST") && !email(part)) {
        return Optional.empty();
      }
      out.add(part);
    }
    return out.size() > MAX_EMAILS ? Optional.empty() : Optional.of(List.copyOf(out));
  }

  /** {@code text.strip().split("\\s*,\\s*")}; one address (no comma) needs no pattern. */
  static String[] split(String text) {
    String stripped = text.strip();
    return stripped.indexOf(',') < 0 ? new String[] {stripped} : LIST_SEPARATOR.split(stripped);
  }

  /** Free text (comments): bounded, no control characters but line breaks. */
  public static boolean freeText(String text, int maxLength) {
    return text.length() <= maxLength
        && text.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
  }
}
