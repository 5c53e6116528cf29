package net.fsgateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {
  @TempDir
  Path dir;

  @Test
  void vaultRoundTripsWithFreshNoncesAndMasks() {
    CardVault vault = new CardVault(CardKeys.load("", dir.toString(), false));
    byte[] a = vault.encrypt("4111111111111111");
    byte[] b = vault.encrypt("4111111111111111");
    assertThat(a).isNotEqualTo(b);
    assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("4111");
    assertThat(vault.decrypt(a)).isEqualTo("4111111111111111");
    a[a.length - 1] ^= 1;
    assertThatThrownBy(() -> vault.decrypt(a)).isInstanceOf(IllegalStateException.class);
    assertThat(CardVault.maskCard("4111111111111111")).isEqualTo("411111xxxxxx1111");
    assertThat(CardVault.maskCard("378282246310005")).isEqualTo("378282xxxxx0005");
    assertThat(CardVault.maskAccount("12345678", "021000021")).isEqualTo("xxxx5678@021000021");
  }

  @Test
  void embeddedKeyIsCreatedOnceWithMode600() throws Exception {
    SecretKey first = CardKeys.load("", dir.toString(), false);
    SecretKey again = CardKeys.load("", dir.toString(), false);
    assertThat(again.getEncoded()).isEqualTo(first.getEncoded()).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(CardKeys.FILE_NAME))))
        .isEqualTo("rw-------");
    String configured = Base64.getEncoder().encodeToString(new byte[32]);
    assertThat(CardKeys.load(configured, dir.toString(), true).getEncoded()).isEqualTo(new byte[32]);
    assertThatThrownBy(() -> CardKeys.load("c2hvcnQ=", dir.toString(), false)).hasMessageContaining("256-bit");
    assertThatThrownBy(() -> CardKeys.load("", dir.toString(), true)).hasMessageContaining("billing.cardKey");
  }

  @Test
  void passwordPolicy() {
    assertThat(ServicePasswords.violation("s33kret", "tofu")).isEmpty();
    assertThat(ServicePasswords.violation("", "tofu")).hasValueSatisfying(m -> assertThat(m).startsWith("_password:"));
    assertThat(ServicePasswords.violation("short", "tofu")).isPresent();
    assertThat(ServicePasswords.violation("x".repeat(65), "tofu")).isPresent();
    assertThat(ServicePasswords.violation("pässwörd", "tofu")).isPresent();
    assertThat(ServicePasswords.violation("TofuBeast", "tofubeast")).isPresent();
  }

  @Test
  void sha512CryptVerifies() {
    ServicePasswords passwords = new ServicePasswords(ServicePasswords.SHA512_CRYPT, 5000);
    String hash = passwords.hash("s33kret");
    assertThat(hash).startsWith("$6$rounds=5000$").doesNotContain("s33kret");
    assertThat(Sha2Crypt.sha512Crypt("s33kret".getBytes(StandardCharsets.UTF_8), hash)).isEqualTo(hash);
    assertThat(passwords.isSlow()).isTrue();
  }

  @Test
  void ssha512IsTheSaltedSha512RadiusAccepts() throws Exception {
    ServicePasswords passwords = new ServicePasswords(ServicePasswords.SSHA512, 5000);
    String hash = passwords.hash("s33kret");
    assertThat(hash).startsWith("{SSHA512}");
    assertThat(passwords.hash("s33kret")).as("salted: two hashes differ").isNotEqualTo(hash);
    byte[] both = Base64.getDecoder().decode(hash.substring(9));
    assertThat(both).hasSize(64 + 16);
    MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
    sha512.update("s33kret".getBytes(StandardCharsets.UTF_8));
    sha512.update(Arrays.copyOfRange(both, 64, both.length));
    assertThat(Arrays.copyOf(both, 64)).isEqualTo(sha512.digest());
    assertThat(passwords.isSlow()).isFalse();
  }

  @Test
  void sshaVerifies() throws Exception {
    ServicePasswords passwords = new ServicePasswords(ServicePasswords.SSHA, 5000);
    String hash = passwords.hash("s33kret");
    assertThat(hash).startsWith("{SSHA}");
    byte[] both = Base64.getDecoder().decode(hash.substring(6));
    byte[] salt = Arrays.copyOfRange(both, 20, both.length);
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    sha1.update("s33kret".getBytes(StandardCharsets.UTF_8));
    sha1.update(salt);
    assertThat(Arrays.copyOf(both, 20)).isEqualTo(sha1.digest());
    assertThatThrownBy(() -> new ServicePasswords("md5", 5000)).isInstanceOf(IllegalArgumentException.class);
  }
}
