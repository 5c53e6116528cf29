package net.fsgateway.admin;

import java.security.SecureRandom;

/** Random secrets for people to type: prepaid card identifiers and generated passwords. */
public final class Codes {
  /** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: what is read off a card is what gets typed. */
  public static final String UNAMBIGUOUS = "34679ACDEFGHJKMNPQRTUVWXY";
  private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Codes() {
  }

  /** 16 characters of {@link #UNAMBIGUOUS}: about 74 bits, unguessable and still easy to type. */
  public static String prepaidIdentifier() {
    return random(UNAMBIGUOUS, 16);
  }

  /** A 20-character password (about 113 bits). */
  public static String password() {
    return random(PASSWORD_ALPHABET, 20);
  }

  private static String random(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
