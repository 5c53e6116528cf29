package net.fsgateway.admin;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Checks of operator input, each failing with an {@link AdminException} that names the option. */
final class Validation {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
  static final int MIN_PASSWORD_LENGTH = 8;
  private static final BigDecimal MAX_MONEY = new BigDecimal("99999999.99");

  private Validation() {
  }

  static String username(String option, String value) {
    if (!USERNAME.matcher(value).matches()) {
      throw new AdminException(option + " must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return value;
  }

  static String text(String option, String value) {
    if (value.isBlank() || value.length() > 200) {
      throw new AdminException(option + " must be 1-200 characters");
    }
    return value.strip();
  }

  static String domain(String option, String value) {
    if (!DOMAIN.matcher(value).matches()) {
      throw new AdminException(option + " must be a domain name such as example.net");
    }
    return value.toLowerCase(java.util.Locale.ROOT);
  }

  static BigDecimal money(String option, String value) {
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new AdminException(option + " must be an amount such as 19.95, got '" + value + "'");
    }
    if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(MAX_MONEY) > 0) {
      throw new AdminException(option + " must be between 0 and " + MAX_MONEY + " with at most 2 decimals");
    }
    return amount.setScale(2);
  }

  static int range(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new AdminException(option + " must be between " + min + " and " + max);
    }
    return value;
  }

  static char[] password(char[] value) {
    if (value == null || value.length < MIN_PASSWORD_LENGTH) {
      throw new AdminException("the password must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    return value;
  }
}
