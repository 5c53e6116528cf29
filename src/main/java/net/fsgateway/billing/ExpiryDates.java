package net.fsgateway.billing;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Card expiry dates in the forms Freeside reads: month then year (mm/yyyy, m/yyyy, mm/yy, m/yy, and the same with
 * '-', e.g. mm-yyyy) or a date (yyyy-mm-dd, yy-mm-dd; the day is ignored). A card is valid through the last day
 * of its expiry month.
 */
public final class ExpiryDates {
  private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})[/-](\\d{2}|\\d{4})");
  private static final Pattern DATE = Pattern.compile("((?:19|20)?\\d{2})[/-](\\d{1,2})[/-]\\d{1,2}");

  private ExpiryDates() {
  }

  /** The month the card expires in; empty when the text is in none of the forms. */
  public static Optional<YearMonth> parse(String text) {
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
    // Two-digit years are this century, as every card issued today is.
    return Optional.of(YearMonth.of(yearText.length() == 2 ? 2000 + year : year, month));
  }

  public static boolean expired(YearMonth expiry, YearMonth now) {
    return expiry.isBefore(now);
  }
}
