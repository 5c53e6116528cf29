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
 * Service-account (svc_acct) passwords: the policy a new password must meet, and the storage schemes, both of
 * which FreeRADIUS accepts:
 * <ul>
 *   <li>{@code sha512-crypt} (default): {@code $6$rounds=N$salt$hash}, crypt(3) SHA-512, N from configuration;</li>
 *   <li>{@code ssha}: LDAP {@code {SSHA}base64(sha1(password + salt) + salt)} with an 8-byte salt.</li>
 * </ul>
 * Hashing is CPU work: run {@link #hash} on a worker executor, never on an event loop.
 */
public final class ServicePasswords {
  public static final String SHA512_CRYPT = "sha512-crypt";
  public static final String SSHA = "ssha";
  public static final int MIN_LENGTH = 6;
  public static final int MAX_LENGTH = 64;
  private static final String SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String scheme;
  private final int rounds;

  public ServicePasswords(String scheme, int rounds) {
    if (!SHA512_CRYPT.equals(scheme) && !SSHA.equals(scheme)) {
      throw new IllegalArgumentException("billing.servicePasswordScheme must be sha512-crypt or ssha");
    }
    this.scheme = scheme;
    this.rounds = rounds;
  }

  public String scheme() {
    return scheme;
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
      return SSHA.equals(scheme) ? ssha(clear) : Sha2Crypt.sha512Crypt(clear, "$6$rounds=" + rounds + "$" + salt(16));
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  private static String ssha(byte[] clear) {
    byte[] salt = new byte[8];
    RANDOM.nextBytes(salt);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(clear);
      sha1.update(salt);
      byte[] digest = sha1.digest();
      byte[] both = Arrays.copyOf(digest, digest.length + salt.length);
      System.arraycopy(salt, 0, both, digest.length, salt.length);
      return "{SSHA}" + Base64.getEncoder().encodeToString(both);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JRE", e);
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
