package net.fsgateway.deploy;

import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.stream.Collectors;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.ConfigSource;

/** What the manifests are checked against: the keys the code reads and their built-in defaults. */
final class Settings {
  private static final ConfigSource CODE = ConfigLoader.builtInDefaults();

  private Settings() {
  }

  /** GW_CONFIG (names the file) and the environment name of every key the code reads. */
  static Set<String> knownEnvNames() {
    Set<String> names = CODE.keysRead().stream().map(ConfigSource::envName).collect(Collectors.toSet());
    names.add("GW_CONFIG");
    return names;
  }

  static int managementPort() {
    return intOr("management.port", 9090);
  }

  static int drainDelaySeconds() {
    return intOr("shutdown.drainDelaySeconds", 5);
  }

  static int graceSeconds() {
    return intOr("shutdown.graceSeconds", 20);
  }

  static Secret secretExample() throws IOException {
    String yaml = Files.readString(ManifestTest.K8S.resolve("base/secret.example.yaml"), StandardCharsets.UTF_8);
    return (Secret) Kustomize.parse(yaml).get(0);
  }

  /**
   * The management and shutdown settings arrive with the ops-runtime branch; until then the documented defaults
   * (9090, 5 s, 20 s) stand in, and once the code reads the key its own default is used.
   */
  private static int intOr(String key, int fallback) {
    String value = CODE.valueRead(key);
    return value == null ? fallback : Integer.parseInt(value);
  }
}
