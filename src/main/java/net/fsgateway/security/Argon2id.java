package net.fsgateway.security;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw argon2id (RFC 9106, version 0x13): libargon2 through argon2-jvm where its native library loads, else
 * BouncyCastle's pure-Java generator; both give the same bytes. Native is preferred because BouncyCastle
 * allocates the whole memory cost (7 MiB of 1 KiB blocks) on the Java heap for every hash, and blocks still
 * live at a young collection are copied: at 20 logins/s that made G1 pauses of 3–12 ms every second, which is
 * what moved other methods' p99 while logins arrived (README, Performance). libargon2 takes its memory with
 * malloc and is also faster.
 */
final class Argon2id {
  private static final Logger LOG = LoggerFactory.getLogger(Argon2id.class);
  private static final Argon2Advanced NATIVE = loadNative();

  private Argon2id() {
  }

  static byte[] derive(byte[] secret, byte[] salt, int memoryKb, int iterations, int parallelism, int length) {
    return NATIVE != null ? NATIVE.pbkdf(iterations, memoryKb, parallelism, secret, salt, length)
        : portable(secret, salt, memoryKb, iterations, parallelism, length);
  }

  /** Whether libargon2 runs here (tests check that it loads on the CI platform). */
  static boolean isNative() {
    return NATIVE != null;
  }

  static byte[] portable(byte[] secret, byte[] salt, int memoryKb, int iterations, int parallelism, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKb)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(secret, out);
    return out;
  }

  private static Argon2Advanced loadNative() {
    try {
      Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Types.ARGON2id);
      // Loads the library now, so a platform without one falls back here and not in the middle of a login.
      argon2.pbkdf(1, 8, 1, new byte[] {1}, new byte[8], 16);
      return argon2;
    } catch (LinkageError | RuntimeException e) {
      LOG.info("argon2id: native libargon2 not available here ({}); using BouncyCastle's Java implementation",
          e.toString());
      return null;
    }
  }
}
