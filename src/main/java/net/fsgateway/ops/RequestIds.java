package net.fsgateway.ops;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The id that ties one call's access line to the caller's own logs: the caller's {@code X-Request-Id} when it is
 * a sane token (at most 128 characters of letters, digits and {@code -_.:/+=}), so it cannot forge log lines or
 * flood them; otherwise a generated one (64 random bits in hex: an id, not a secret, so no SecureRandom).
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";
  private static final int MAX_LENGTH = 128;

  private RequestIds() {
  }

  static String fromHeader(String sent) {
    return isSane(sent) ? sent : generate();
  }

  static String generate() {
    String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
  }

  static boolean isSane(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-_.:/+=".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
