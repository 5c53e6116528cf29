package net.fsgateway.config;

/** Log-safe views of settings that may hold a secret. */
public final class Redaction {
  private Redaction() {
  }

  /**
   * A URL with any user-info (user, password) replaced by {@code ***}. The user-info is everything between
   * {@code //} and the last {@code @} before the path, so a password holding {@code @} or {@code /} is hidden too.
   */
  public static String url(String url) {
    int scheme = url.indexOf("//");
    int at = url.lastIndexOf('@');
    if (scheme < 0 || at < scheme) {
      return url;
    }
    return url.substring(0, scheme + 2) + "***" + url.substring(at);
  }

  /** A secret setting (a key, a password) as {@code ***}, or {@code (unset)} when empty: never its value. */
  public static String secret(String value) {
    return value == null || value.isEmpty() ? "(unset)" : "***";
  }
}
