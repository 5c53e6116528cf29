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
  private static final Pattern DATE = Pattern.compile("((?:19|20)?\\d{2})[/-](\\d{1,2})[/-]\\d{1,2}");

  private ExpiryDates() {
  }

  /** The month the card expires in; empty when the text is in none of the forms. */
  public static Optional<YearMonth> parse(String text) {
    String date = text.strip();
    // (\d{1,2})[/-](\d{2}|\d{4}), the form nearly every signup sends, without a Matcher
    int separator = 0;
    while (separator < date.length() && CharClasses.isDigit(date.charAt(separator))) {
      separator++;
    }
    int yearLength = date.length() - separator - 1;
    if ((separator == 1 || separator == 2) && (yearLength == 2 || yearLength == 4)
        && (date.charAt(separator) == '/' || date.charAt(separator) == '-')
        && CharClasses.digits(date.substring(separator + 1), yearLength, yearLength)) {
      return month(date.substring(separator + 1), date.substring(0, separator));
    }
    Matcher m = DATE.matcher(date);
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
