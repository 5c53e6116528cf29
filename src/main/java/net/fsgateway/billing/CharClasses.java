package net.fsgateway.billing;

/**
 * The character classes of Freeside's field checks as plain loops: a signup checks some twenty fields, and
 * through {@link java.util.regex.Pattern} each check cost a Matcher (and {@code String.replaceAll} or
 * {@code String.matches} a compiled pattern) per call, a tenth of the gateway's CPU per signup (issue 15).
 * Each method accepts exactly what the regular expression in its comment accepts; CharClassesTest compares them
 * over every code point and over generated strings. {@code \d} is ASCII [0-9] and {@code \s} is [ \t\n\x0B\f\r],
 * as in Pattern without UNICODE_CHARACTER_CLASS.
 */
final class CharClasses {
  /** \p{L}, \p{M}, \p{Nd} and \p{Pc}: the general categories of "word" characters in Freeside's checks. */
  private static final int WORD_TYPES = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
      | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
      | 1 << Character.NON_SPACING_MARK | 1 << Character.ENCLOSING_MARK | 1 << Character.COMBINING_SPACING_MARK
      | 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.CONNECTOR_PUNCTUATION;
  /** \p{L} and \p{Nd}. */
  private static final int LETTER_DIGIT_TYPES = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
      | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER
      | 1 << Character.DECIMAL_DIGIT_NUMBER;

  /** ut_name: [\p{L}\p{M}\p{Nd}\p{Pc} ,.\-']. */
  static final Set NAME = new Set(WORD_TYPES, " ,.-'");
  /** ut_text: [\p{L}\p{M}\p{Nd}\p{Pc} !@#$%&()\-+;:'",.?/=\[\]<>~]. */
  static final Set TEXT = new Set(WORD_TYPES, " !@#$%&()-+;:'\",.?/=[]<>~");
  /** A name on a card: [\p{L}\p{M}\p{Nd}\p{Pc} ,.\-'&]. */
  static final Set CARD_NAME = new Set(WORD_TYPES, " ,.-'&");
  /** A name on a bank account: [\p{L}\p{M}\p{Nd}\p{Pc} ,.\-']. */
  static final Set CHECK_NAME = NAME;
  /** A promotional or registration code: [\p{L}\p{Nd} ._-]. */
  static final Set CODE = new Set(LETTER_DIGIT_TYPES, " ._-");

  private CharClasses() {
  }

  /** One bracketed class: code points of the given general categories, plus some ASCII characters. */
  static final class Set {
    private final int types;
    private final boolean[] ascii = new boolean[128];

    private Set(int types, String extra) {
      this.types = types;
      for (int c = 0; c < 128; c++) {
        ascii[c] = (types & 1 << Character.getType(c)) != 0;
      }
      for (int i = 0; i < extra.length(); i++) {
        ascii[extra.charAt(i)] = true;
      }
    }

    boolean contains(int codePoint) {
      return codePoint < 128 ? ascii[codePoint] : (types & 1 << Character.getType(codePoint)) != 0;
    }

    /** {@code [class]+}: at least one character, all in the class. */
    boolean matchesAll(String text) {
      return !text.isEmpty() && matchesAllOrEmpty(text);
    }

    /** {@code [class]*}. */
    boolean matchesAllOrEmpty(String text) {
      return count(text) >= 0;
    }

    /** {@code [class]{min,max}}, counted in code points as Pattern counts them. */
    boolean matches(String text, int min, int max) {
      int n = count(text);
      return n >= min && n <= max;
    }

    /** How many code points {@code text} has when all are in the class; -1 when one is not. */
    private int count(String text) {
      int n = 0;
      for (int i = 0; i < text.length(); n++) {
        char c = text.charAt(i);
        if (c < 128) {
          if (!ascii[c]) {
            return -1;
          }
          i++;
        } else {
          int cp = text.codePointAt(i);
          if (!contains(cp)) {
            return -1;
          }
          i += Character.charCount(cp);
        }
      }
      return n;
    }
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code \d{min,max}}. */
  static boolean digits(String text, int min, int max) {
    return text.length() >= min && text.length() <= max && digitsIn(text, 0, text.length());
  }

  /** {@code text.replaceAll("\\D", "")}: the ASCII digits only (the same instance when that is all there is). */
  static String onlyDigits(String text) {
    int i = 0;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder digits = new StringBuilder(text.length());
    digits.append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isDigit(c)) {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** {@code text.replaceAll("\\s+", " ")} (the same instance when there is nothing to replace). */
  static String collapseSpaces(String text) {
    int i = 0;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c) && (c != ' ' || i + 1 < text.length() && isSpace(text.charAt(i + 1)))) {
        break;
      }
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, i);
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        out.append(' ');
        while (i < text.length() && isSpace(text.charAt(i))) {
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** {@code [A-Za-z]{2}}. */
  static boolean twoLetters(String text) {
    return text.length() == 2 && asciiLetter(text.charAt(0)) && asciiLetter(text.charAt(1));
  }

  static boolean asciiLetter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  static boolean asciiAlnum(char c) {
    return asciiLetter(c) || isDigit(c);
  }

  /** {@code [A-Za-z0-9][A-Za-z0-9._-]{1,31}}. */
  static boolean username(String text) {
    if (text.length() < 2 || text.length() > 32 || !asciiAlnum(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!asciiAlnum(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** {@code \d{5}(-\d{4})?}. */
  static boolean usZip(String text) {
    if (text.length() == 5) {
      return digitsIn(text, 0, 5);
    }
    return text.length() == 10 && text.charAt(5) == '-' && digitsIn(text, 0, 5) && digitsIn(text, 6, 10);
  }

  private static boolean digitsIn(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static final boolean[] EMAIL_LOCAL = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      EMAIL_LOCAL[c] = asciiAlnum(c) || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0;
    }
  }

  /** {@code [A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+}. */
  static boolean email(String text) {
    int at = text.indexOf('@');
    if (at <= 0) {
      return false;
    }
    for (int i = 0; i < at; i++) {
      char c = text.charAt(i);
      if (c >= 128 || !EMAIL_LOCAL[c]) {
        return false;
      }
    }
    int labels = 0;
    int labelLength = 0;
    for (int i = at + 1; i <= text.length(); i++) {
      char c = i == text.length() ? '.' : text.charAt(i);
      if (c == '.') {
        if (labelLength == 0) {
          return false;
        }
        labels++;
        labelLength = 0;
      } else if (asciiAlnum(c) || c == '-') {
        labelLength++;
      } else {
        return false;
      }
    }
    return labels >= 2;
  }
}
