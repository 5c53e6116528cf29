package net.fsgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Argon2idTest {
  @Test
  void nativeLibargon2LoadsOnThisPlatform() {
    // The CI machine is Linux x86-64, for which argon2-jvm ships libargon2.
    assertThat(Argon2id.isNative()).isTrue();
  }

  @Test
  void nativeAndPortableImplementationsGiveTheSameBytes() {
    Random random = new Random(20261128);
    for (int i = 0; i < 12; i++) {
      byte[] secret = new byte[random.nextInt(40)];
      byte[] salt = new byte[8 + random.nextInt(24)];
      random.nextBytes(secret);
      random.nextBytes(salt);
      int parallelism = 1 + random.nextInt(3);
      int memoryKb = 8 * parallelism + random.nextInt(256);
      int iterations = 1 + random.nextInt(3);
      int length = 16 + random.nextInt(49);
      assertThat(Argon2id.derive(secret, salt, memoryKb, iterations, parallelism, length))
          .as("m=%d t=%d p=%d len=%d", memoryKb, iterations, parallelism, length)
          .isEqualTo(Argon2id.portable(secret, salt, memoryKb, iterations, parallelism, length));
    }
  }
}
