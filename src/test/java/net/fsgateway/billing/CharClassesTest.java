package net.fsgateway.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The loops of {@link CharClasses} accept exactly what the regular expressions they replaced accept (issue 15):
 * each class over every code point, and each check over strings drawn from the characters that sit at its edges.
 */
class CharClassesTest {
  private static final String WORD = "\\p{L}\\p{M}\\p{Nd}\\p{Pc}";
  private static final Pattern NAME = Pattern.compile("[" + WORD + " ,.\\-']+");
  private static final Pattern TEXT = Pattern.compile("[" + WORD + " !@#$%&()\\-+;:'\",.?/=\\[\\]<>~]+");
  private static final Pattern CARD_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}\\p{Pc} ,.\\-'&]*");
  private static final Pattern CHECK_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}\\p{Pc} ,.\\-']*");
  private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{Nd} ._-]{1,64}");
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,31}");
  private static final Pattern US_ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
  private static final Pattern TWO_LETTERS = Pattern.compile("[A-Za-z]{2}");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  private static final Pattern NANP = Pattern.compile("(\\d{3})(\\d{3})(\\d{4})(\\d*)");
  private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})[/-](\\d{2}|\\d{4})");
  private static final Pattern DATE = Pattern.compile("((?:19|20)?\\d{2})[/-](\\d{1,2})[/-]\\d{1,2}");

  /** Characters at the edges of the classes: ASCII punctuation, \s and Unicode spaces, letters, marks, digits. */
  private static final String[] EDGES = {"a", "Z", "0", "9", "٣", "é", "\u0301", "_", "‿", " ", "\t", "\n", "\u000B",
      "\f", "\r", "\u00A0", "\u2003", ",", ".", "-", "'", "&", "@", "#", "!", "(", ")", "[", "]", "<", ">", "~", "/",
      "=", "?", ";", ":", "\"", "+", "%", "$", "^", "`", "{", "|", "}", "*", "\\", "\u0000", "\u007F", "€", "ß",
      "𝔸", "😀", "\uD800", "\uDC00", "中", "ǅ", "ʰ", "Ⅷ"};

  @Test
  void everyCodePointIsInAClassExactlyWhenThePatternSaysSo() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      String one = new String(Character.toChars(cp));
      // AssertJ only on a difference: 1.1 million code points
      if (CharClasses.NAME.matchesAll(one) != NAME.matcher(one).matches()
          || CharClasses.TEXT.matchesAll(one) != TEXT.matcher(one).matches()
          || CharClasses.CARD_NAME.matchesAllOrEmpty(one) != CARD_NAME.matcher(one).matches()
          || CharClasses.CHECK_NAME.matchesAllOrEmpty(one) != CHECK_NAME.matcher(one).matches()
          || CharClasses.CODE.matches(one, 1, 64) != CODE.matcher(one).matches()) {
        assertThat(String.format("U+%04X", cp)).as("a code point the classes and the patterns disagree on").isNull();
      }
    }
  }

  @Test
  void generatedStringsGetThePatternsAnswers() {
    Random random = new Random(15);
    for (int n = 0; n < 200_000; n++) {
      String s = generated(random, EDGES);
      assertThat(CharClasses.NAME.matchesAll(s)).as("NAME %s", s).isEqualTo(NAME.matcher(s).matches());
      assertThat(CharClasses.TEXT.matchesAll(s)).as("TEXT %s", s).isEqualTo(TEXT.matcher(s).matches());
      assertThat(CharClasses.CARD_NAME.matchesAllOrEmpty(s)).as("CARD_NAME %s", s)
          .isEqualTo(CARD_NAME.matcher(s).matches());
      assertThat(CharClasses.collapseSpaces(s)).as("collapse %s", s).isEqualTo(s.replaceAll("\\s+", " "));
      assertThat(CharClasses.onlyDigits(s)).as("digits %s", s).isEqualTo(s.replaceAll("\\D", ""));
      assertThat(Addresses.split(s)).as("split %s", s).isEqualTo(s.strip().split("\\s*,\\s*"));
    }
  }

  @Test
  void codesCountCodePointsAsThePatternDoes() {
    String letter = "\uD835\uDD38"; // U+1D538, a letter (Lu) outside the BMP: two chars, one code point
    assertThat(CharClasses.CODE.matches(letter.repeat(64), 1, 64)).isTrue()
        .isEqualTo(CODE.matcher(letter.repeat(64)).matches());
    assertThat(CharClasses.CODE.matches(letter.repeat(65), 1, 64)).isFalse()
        .isEqualTo(CODE.matcher(letter.repeat(65)).matches());
    assertThat(CharClasses.CODE.matches("a\uD835", 1, 64)).isFalse().isEqualTo(CODE.matcher("a\uD835").matches());
    assertThat(CharClasses.CODE.matches("", 1, 64)).isFalse();
  }

  @Test
  void asciiShapesGetThePatternsAnswers() {
    String[] alphabet = {"a", "Z", "q", "0", "5", "9", ".", "_", "-", "@", "/", "+", "!", "~", "`", " ", "é", "٣",
        "\t", ",", "x"};
    Random random = new Random(7);
    for (int n = 0; n < 300_000; n++) {
      String s = generated(random, alphabet);
      assertThat(CharClasses.username(s)).as("username %s", s).isEqualTo(USERNAME.matcher(s).matches());
      assertThat(CharClasses.usZip(s)).as("zip %s", s).isEqualTo(US_ZIP.matcher(s).matches());
      assertThat(CharClasses.twoLetters(s)).as("two letters %s", s).isEqualTo(TWO_LETTERS.matcher(s).matches());
      assertThat(CharClasses.email(s)).as("email %s", s).isEqualTo(EMAIL.matcher(s).matches());
      assertThat(CharClasses.digits(s, 1, 18)).as("digits %s", s).isEqualTo(s.matches("\\d{1,18}"));
      assertThat(CharClasses.digits(s, 3, 3)).as("cvv %s", s).isEqualTo(s.matches("\\d{3}"));
    }
    String[] emails = {"a@b.c", "a@b", "@b.c", "a@.b.c", "a@b..c", "a@b.c.", "a@b@c.d", "a.b+c@x-y.example.org",
        "a@-.-", "é@b.c", "a@b.é", "a b@c.d"};
    for (String e : emails) {
      assertThat(CharClasses.email(e)).as(e).isEqualTo(EMAIL.matcher(e).matches());
    }
  }

  @Test
  void phonesAndExpiryDatesAsThePatternsRead() {
    String[] alphabet = {"0", "1", "5", "9", "-", "/", " ", "(", ")", "x", ".", "٣", "+"};
    Random random = new Random(3);
    for (int n = 0; n < 200_000; n++) {
      String s = generated(random, alphabet);
      assertThat(Addresses.phone(s, "US")).as("phone %s", s).isEqualTo(patternPhone(s));
      assertThat(ExpiryDates.parse(s)).as("expiry %s", s).isEqualTo(patternExpiry(s));
    }
  }

  private static String generated(Random random, String[] alphabet) {
    int length = random.nextInt(14);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return s.toString();
  }

  /** Addresses.phone as it was, for US and Canadian numbers. */
  private static Optional<String> patternPhone(String text) {
    if (text.isEmpty()) {
      return Optional.of("");
    }
    Matcher m = NANP.matcher(text.replaceAll("\\D", ""));
    if (!m.matches()) {
      return Optional.empty();
    }
    String extension = m.group(4).isEmpty() ? "" : " x" + m.group(4);
    return Optional.of(m.group(1) + "-" + m.group(2) + "-" + m.group(3) + extension);
  }

  /** ExpiryDates.parse as it was. */
  private static Optional<YearMonth> patternExpiry(String text) {
    String date = text.strip();
    Matcher m = MONTH_YEAR.matcher(date);
    if (m.matches()) {
      return month(m.group(2), m.group(1));
    }
    m = DATE.matcher(date);
    return m.matches() ? month(m.group(1), m.group(2)) : Optional.empty();
  }

  private static Optional<YearMonth> month(String yearText, String monthText) {
    int month = Integer.parseInt(monthText);
    int year = Integer.parseInt(yearText);
    if (month < 1 || month > 12) {
      return Optional.empty();
    }
    return Optional.of(YearMonth.of(yearText.length() == 2 ? 2000 + year : year, month));
  }

  @Test
  void splitKeepsAnAddressWithoutACommaWhole() {
    assertThat(Addresses.split("  a@b.c ")).containsExactly("a@b.c");
    assertThat(Arrays.asList(Addresses.split(",a@b.c,"))).containsExactly("", "a@b.c");
  }
}
