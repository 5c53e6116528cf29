package net.fsgateway.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Session ids: 192 bits from a CSPRNG, URL-safe text. Redis keeps only a SHA-256 digest of the id, so a dump of
 * Redis yields no usable session.
 */
public final class SessionIds {
  private static final int ID_BYTES = 24;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();
  /** One digest per thread: {@code MessageDigest.getInstance} looks the provider up anew on every call. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(SessionIds::sha256);

  private SessionIds() {
  }

  public static String newId() {
    byte[] bytes = new byte[ID_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String digest(String sessionId) {
    // digest() resets the instance, so it is ready for the thread's next call whatever happens here.
    return HEX.formatHex(SHA256.get().digest(sessionId.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
