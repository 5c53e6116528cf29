package net.fsgateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * Service-account (svc_acct) passwords: the policy a new password must meet, and the storage schemes, all of
 * which FreeRADIUS's rlm_pap accepts:
 * <ul>
 *   <li>{@code ssha512} (default): {@code {SSHA512}base64(sha512(password + salt) + salt)} with a 16-byte salt
 *       (rlm_pap's SSHA2-512-Password). One salted SHA-512: about 0.6 µs, so signups are not capped by hashing;</li>
 *   <li>{@code sha512-crypt}: {@code $6$rounds=N$salt$hash}, crypt(3) SHA-512, N from configuration (about 1.6 ms
 *       at 5000 rounds: at 1,800 signups/s that alone would take three cores);</li>
 *   <li>{@code ssha}: LDAP {@code {SSHA}base64(sha1(password + salt) + salt)} with an 8-byte salt.</li>
 * </ul>
 * A slow scheme ({@link #isSlow()}) must run on a worker executor, never on an event loop.
 */
public final class ServicePasswords {
  public static final String SHA512_CRYPT = "sha512-crypt";
  public static final String SSHA = "ssha";
  public static final String SSHA512 = "ssha512";
  public static final int MIN_LENGTH = 6;
  public static final int MAX_LENGTH = 64;
  private static final String SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String scheme;
  private final int rounds;

  public ServicePasswords(String scheme, int rounds) {
    if (!SHA512_CRYPT.equals(scheme) && !SSHA.equals(scheme) && !SSHA512.equals(scheme)) {
      throw new IllegalArgumentException("billing.servicePasswordScheme must be ssha512, sha512-crypt or ssha");
    }
    this.scheme = scheme;
    this.rounds = rounds;
  }

  public String scheme() {
    return scheme;
  }

  /** True for the iterated scheme, whose cost is worth a hop to a worker thread. */
  public boolean isSlow() {
    return SHA512_CRYPT.equals(scheme);
  }

  /** Why the password breaks the policy (6–64 printable ASCII characters, not the username), or empty. */
  public static Optional<String> violation(String password, String username) {
    if (password.isEmpty()) {
      return Optional.of("_password: Empty password");
    }
    if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      return Optional.of("_password: must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    if (!password.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      return Optional.of("_password: only printable ASCII characters are allowed");
    }
    if (password.equalsIgnoreCase(username)) {
      return Optional.of("_password: must not be the same as the username");
    }
    return Optional.empty();
  }

  public String hash(String password) {
    byte[] clear = password.getBytes(StandardCharsets.UTF_8);
    try {
      if (SSHA512.equals(scheme)) {
        return salted("{SSHA512}", "SHA-512", clear, 16);
      }
      if (SSHA.equals(scheme)) {
        return salted("{SSHA}", "SHA-1", clear, 8);
      }
      return Sha2Crypt.sha512Crypt(clear, "$6$rounds=" + rounds + "$" + salt(16));
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /** LDAP-style salted digest: {@code prefix + base64(digest(password + salt) + salt)}. */
  private static String salted(String prefix, String algorithm, byte[] clear, int saltBytes) {
    byte[] salt = new byte[saltBytes];
    RANDOM.nextBytes(salt);
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      digest.update(clear);
      digest.update(salt);
      byte[] hash = digest.digest();
      byte[] both = Arrays.copyOf(hash, hash.length + salt.length);
      System.arraycopy(salt, 0, both, hash.length, salt.length);
      return prefix + Base64.getEncoder().encodeToString(both);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JRE", e);
    }
  }

  private static String salt(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(SALT_CHARS.charAt(RANDOM.nextInt(SALT_CHARS.length())));
    }
    return out.toString();
  }
}
