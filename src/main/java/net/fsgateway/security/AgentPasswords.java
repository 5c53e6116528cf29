package net.fsgateway.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Argon2id hashes of reseller (agent) passwords, stored as PHC strings
 * ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash}, RFC 9106 / the PHC string format). The parameters are one of
 * OWASP's equivalent argon2id minimums (7 MiB, 5 passes): with BouncyCastle's pure-Java argon2 the 19 MiB/2-pass
 * variant costs ~100 ms per hash on a 2-core machine, this one ~27 ms (less with libargon2, see {@link Argon2id}),
 * which keeps logins cheap for the gateway and still expensive for an offline attacker. Verification reads the parameters
 * from the stored string, so raising the constants later does not break existing hashes.
 *
 * <p>Blocking and CPU-bound: callers run it on a worker executor, never on an event loop.
 */
public final class AgentPasswords {
  public static final int MEMORY_KB = 7_168;
  public static final int ITERATIONS = 5;
  public static final int PARALLELISM = 1;
  public static final int SALT_BYTES = 16;
  public static final int HASH_BYTES = 32;

  // Bounds on parameters read back from storage, so a corrupted row cannot make one login take minutes or gigabytes.
  private static final int MAX_MEMORY_KB = 1 << 20;
  private static final int MAX_ITERATIONS = 64;
  private static final int MAX_PARALLELISM = 16;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private AgentPasswords() {
  }

  /** A fresh PHC string for {@code password} with a random 16-byte salt. */
  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] out = derive(password, salt, MEMORY_KB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
        + "$" + B64.encodeToString(out);
  }

  /** Whether {@code password} matches {@code phc}; false (never an exception) for a malformed or foreign string. */
  public static boolean verify(String phc, char[] password) {
    PhcHash parsed = PhcHash.parse(phc);
    if (parsed == null) {
      verifyAgainstDummy(password);
      return false;
    }
    byte[] actual = derive(password, parsed.salt, parsed.memoryKb, parsed.iterations, parsed.parallelism,
        parsed.hash.length);
    return MessageDigest.isEqual(actual, parsed.hash);
  }

  /**
   * Costs what a real {@link #verify} costs and always returns false: called for unknown or disabled usernames so
   * that the response time does not reveal which usernames exist.
   */
  public static boolean verifyAgainstDummy(char[] password) {
    verify(Dummy.PHC, password);
    return false;
  }

  private static byte[] derive(char[] password, byte[] salt, int memoryKb, int iterations, int parallelism, int length) {
    byte[] secret = utf8(password);
    try {
      return Argon2id.derive(secret, salt, memoryKb, iterations, parallelism, length);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static byte[] utf8(char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  /** A hash of a random password, made once, with the current parameters. */
  private static final class Dummy {
    static final String PHC;

    static {
      char[] random = new char[24];
      for (int i = 0; i < random.length; i++) {
        random[i] = (char) ('a' + RANDOM.nextInt(26));
      }
      PHC = hash(random);
    }
  }

  private record PhcHash(int memoryKb, int iterations, int parallelism, byte[] salt, byte[] hash) {
    static PhcHash parse(String phc) {
      if (phc == null) {
        return null;
      }
      String[] parts = phc.split("\\$", -1);
      // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
      if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
        return null;
      }
      try {
        int m = -1;
        int t = -1;
        int p = -1;
        for (String kv : parts[3].split(",")) {
          String[] pair = kv.split("=", 2);
          int value = Integer.parseInt(pair[1]);
          switch (pair[0]) {
            case "m" -> m = value;
            case "t" -> t = value;
            case "p" -> p = value;
            default -> {
              return null;
            }
          }
        }
        byte[] salt = B64D.decode(parts[4]);
        byte[] hash = B64D.decode(parts[5]);
        boolean sane = m >= 8 * p && m <= MAX_MEMORY_KB && t >= 1 && t <= MAX_ITERATIONS && p >= 1
            && p <= MAX_PARALLELISM && salt.length >= 8 && hash.length >= 16 && hash.length <= 64;
        return sane ? new PhcHash(m, t, p, salt, hash) : null;
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
        return null;
      }
    }
  }
}
