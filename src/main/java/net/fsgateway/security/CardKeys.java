package net.fsgateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key of the {@link CardVault}: from configuration (base64, e.g. a Kubernetes secret), or for the
 * embedded default a key generated once into {@code <dataDir>/card.key} (owner read/write only) and read back on
 * every later start, so stored card data stays readable across restarts. Blocking file I/O: call off the event loop.
 */
public final class CardKeys {
  static final String FILE_NAME = "card.key";
  private static final int KEY_BYTES = 32;

  private CardKeys() {
  }

  /**
   * The configured key, or (embedded database only) the one kept in the data directory. With an external database
   * every gateway must encrypt with the same key, so a key only one machine holds is refused.
   */
  public static synchronized SecretKey load(String configuredBase64, String dataDir, boolean externalDatabase) {
    if (!configuredBase64.isBlank()) {
      return fromBase64(configuredBase64.strip(), "billing.cardKey");
    }
    if (externalDatabase) {
      throw new IllegalStateException("billing.cardKey (GW_BILLING_CARD_KEY) is required with an external database:"
          + " every gateway must encrypt card data with the same key");
    }
    return embedded(Path.of(dataDir).resolve(FILE_NAME));
  }

  static SecretKey embedded(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(file)) {
        create(file);
      }
      return fromBase64(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create the card key file " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    String text = Base64.getEncoder().encodeToString(key) + "\n";
    Path temp;
    try {
      // Mode 600 from the start, so the key is never readable by others, not even briefly.
      temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      temp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
    }
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      // A hard link appears whole and never replaces an existing file: a second process starting at the same
      // moment keeps the first key instead of reading a half-written one or overwriting it.
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException raced) {
      // the other process's key stands
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static SecretKey fromBase64(String text, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + " is not base64");
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalStateException(source + " must be a 256-bit key (32 bytes, base64)");
    }
    return new SecretKeySpec(key, "AES");
  }
}
