package net.fsgateway.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;

/** One overlay's built objects, looked up by kind and name. */
record Manifests(String overlay, List<HasMetadata> objects) {

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> type, String name) {
    return find(type, name).orElseThrow(() -> new AssertionError(overlay + " has no " + type.getSimpleName() + " " + name));
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
  }

  /** Generated objects get a content-hash suffix: {@code fs-gateway-config-5f8...}. */
  <T extends HasMetadata> T generated(Class<T> type, String baseName) {
    List<T> matches = all(type).stream().filter(o -> o.getMetadata().getName().startsWith(baseName + "-")).toList();
    if (matches.size() != 1) {
      throw new AssertionError(overlay + ": expected one generated " + type.getSimpleName() + " " + baseName + ", got " + matches.size());
    }
    return matches.get(0);
  }

  Deployment gateway() {
    return one(Deployment.class, "fs-gateway");
  }

  Container container() {
    return gateway().getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  /** The ConfigMap the gateway's envFrom names. */
  ConfigMap config() {
    String name = container().getEnvFrom().get(0).getConfigMapRef().getName();
    return one(ConfigMap.class, name);
  }
}
