package net.fsgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every GW_* name in the manifests is the environment name of a key the code reads: no typo is silently ignored. */
class GwVariablesTest {
  @BeforeAll
  static void kubectlIsThere() {
    assumeTrue(Kustomize.kubectl() != null, Kustomize.MISSING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyGwVariableNamesARealSetting(String overlay) throws Exception {
    Manifests m = ManifestTest.built(overlay);
    Set<String> names = new TreeSet<>();
    m.container().getEnv().stream().map(EnvVar::getName).forEach(names::add);
    m.all(ConfigMap.class).forEach(c -> names.addAll(c.getData().keySet()));
    m.all(Secret.class).forEach(s -> names.addAll(s.getData().keySet()));
    names.addAll(Settings.secretExample().getStringData().keySet());
    names.removeIf(name -> !name.startsWith("GW_"));

    assertThat(names).as("GW_* names in %s", overlay).hasSizeGreaterThan(5);
    assertThat(Settings.knownEnvNames()).as("settings the code reads").containsAll(names);
  }
}
