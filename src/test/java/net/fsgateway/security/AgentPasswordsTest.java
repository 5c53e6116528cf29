package net.fsgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentPasswordsTest {
  private static final char[] SECRET = "correct horse battery staple".toCharArray();

  @Test
  void hashIsAPhcStringWithTheConfiguredParameters() {
    String phc = AgentPasswords.hash(SECRET);
    assertThat(phc).matches("\\$argon2id\\$v=19\\$m=7168,t=5,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
  }

  @Test
  void verifiesTheRightPasswordOnly() {
    String phc = AgentPasswords.hash(SECRET);
    assertThat(AgentPasswords.verify(phc, SECRET)).isTrue();
    assertThat(AgentPasswords.verify(phc, "correct horse battery stapl".toCharArray())).isFalse();
    assertThat(AgentPasswords.verify(phc, new char[0])).isFalse();
  }

  @Test
  void saltsAreRandom() {
    assertThat(AgentPasswords.hash(SECRET)).isNotEqualTo(AgentPasswords.hash(SECRET));
  }

  @Test
  void nonAsciiPasswordsAreHashedAsUtf8() {
    char[] password = "pässwörd-密码".toCharArray();
    String phc = AgentPasswords.hash(password);
    assertThat(AgentPasswords.verify(phc, password)).isTrue();
    assertThat(AgentPasswords.verify(phc, "passwort-密码".toCharArray())).isFalse();
  }

  @Test
  void verifiesAKnownArgon2idVector() {
    // The argon2id vector of the reference implementation's test.c (P-H-C/phc-winner-argon2).
    String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    assertThat(AgentPasswords.verify(reference, "password".toCharArray())).isTrue();
    assertThat(AgentPasswords.verify(reference, "Password".toCharArray())).isFalse();
  }

  @Test
  void malformedOrForeignHashesDoNotVerify() {
    for (String bad : new String[] {null, "", "plain", "$2a$10$abcdefghijklmnopqrstuv", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA",
        "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHRzYWx0$" + "A".repeat(43),
        "$argon2id$v=19$m=19456,t=2,p=1$!!!$" + "A".repeat(43)}) {
      assertThat(AgentPasswords.verify(bad, SECRET)).as(String.valueOf(bad)).isFalse();
    }
  }

  @Test
  void dummyVerifyCostsAboutWhatARealVerifyCosts() {
    String phc = AgentPasswords.hash(SECRET);
    AgentPasswords.verifyAgainstDummy(SECRET);
    AgentPasswords.verify(phc, SECRET);
    long[] real = new long[9];
    long[] dummy = new long[9];
    // Interleaved, so that load from other processes hits both series alike.
    for (int i = 0; i < real.length; i++) {
      real[i] = nanos(() -> AgentPasswords.verify(phc, SECRET));
      dummy[i] = nanos(() -> AgentPasswords.verifyAgainstDummy(SECRET));
    }
    long realMedian = median(real);
    long dummyMedian = median(dummy);
    System.out.printf("argon2id verify: real %.1f ms, dummy %.1f ms%n", realMedian / 1e6, dummyMedian / 1e6);
    assertThat(AgentPasswords.verifyAgainstDummy(SECRET)).isFalse();
    assertThat((double) dummyMedian).isBetween(realMedian * 0.5, realMedian * 2.0);
  }

  private static long nanos(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return System.nanoTime() - start;
  }

  private static long median(long[] samples) {
    long[] sorted = samples.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
