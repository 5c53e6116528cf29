package net.fsgateway.billing;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Card expiry dates in the four forms the reseller API documents: mm/yyyy, m/yyyy, mm/yy and m/yy. A card is
 * valid through the last day of its expiry month.
 */
public final class ExpiryDates {
  private static final Pattern FORM = Pattern.compile("(\\d{1,2})/(\\d{2}|\\d{4})");

  private ExpiryDates() {
  }

  /** The month the card expires in; empty when the text is in none of the four forms. */
  public static Optional<YearMonth> parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int month = Integer.parseInt(m.group(1));
    int year = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) {
      return Optional.empty();
    }
    // Two-digit years are this century, as every card issued today is.
    return Optional.of(YearMonth.of(m.group(2).length() == 2 ? 2000 + year : year, month));
  }

  public static boolean expired(YearMonth expiry, YearMonth now) {
    return expiry.isBefore(now);
  }
}
