package net.fsgateway.billing;

import java.util.Optional;

/**
 * Credit card numbers: digits only once spaces and dashes are removed, a known card type by its prefix and
 * length, and a valid Luhn check digit (ISO/IEC 7812-1).
 */
public final class CardNumbers {
  /** The card types the gateway accepts, with the CVV length each needs. */
  public enum CardType {
    VISA(3), MASTERCARD(3), AMEX(4), DISCOVER(3), DINERS(3), JCB(3);

    private final int cvvLength;

    CardType(int cvvLength) {
      this.cvvLength = cvvLength;
    }

    public int cvvLength() {
      return cvvLength;
    }
  }

  private CardNumbers() {
  }

  /** The number without the spaces and dashes people type into it. */
  public static String normalize(String payinfo) {
    return payinfo.replace(" ", "").replace("-", "");
  }

  public static boolean luhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (doubled) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      doubled = !doubled;
    }
    return digits.length() > 0 && sum % 10 == 0;
  }

  /** The card type by issuer prefix and length; empty for an unknown type. */
  public static Optional<CardType> type(String digits) {
    int len = digits.length();
    if (!digits.chars().allMatch(Character::isDigit) || len < 13) {
      return Optional.empty();
    }
    int p2 = Integer.parseInt(digits.substring(0, 2));
    int p3 = Integer.parseInt(digits.substring(0, 3));
    int p4 = Integer.parseInt(digits.substring(0, 4));
    int p6 = Integer.parseInt(digits.substring(0, 6));
    if (digits.charAt(0) == '4' && (len == 13 || len == 16 || len == 19)) {
      return Optional.of(CardType.VISA);
    }
    if (((p2 >= 51 && p2 <= 55) || (p6 >= 222100 && p6 <= 272099)) && len == 16) {
      return Optional.of(CardType.MASTERCARD);
    }
    if ((p2 == 34 || p2 == 37) && len == 15) {
      return Optional.of(CardType.AMEX);
    }
    if ((p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) && len >= 16 && len <= 19) {
      return Optional.of(CardType.DISCOVER);
    }
    if ((p2 == 36 || p2 == 38 || (p3 >= 300 && p3 <= 305)) && len >= 14 && len <= 19) {
      return Optional.of(CardType.DINERS);
    }
    if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19) {
      return Optional.of(CardType.JCB);
    }
    return Optional.empty();
  }
}
