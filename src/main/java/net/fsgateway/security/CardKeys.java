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

  public static SecretKey load(String configuredBase64, String dataDir) {
    if (!configuredBase64.isBlank()) {
      return fromBase64(configuredBase64.strip(), "billing.cardKey");
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
    try {
      // Created with mode 600 from the start, so the key is never readable by others, not even briefly.
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException raced) {
      return;
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
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
