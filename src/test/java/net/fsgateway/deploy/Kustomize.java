package net.fsgateway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code kubectl kustomize} on an overlay and reads the output into fabric8's typed Kubernetes objects. */
final class Kustomize {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
      "Deployment", Deployment.class, "StatefulSet", StatefulSet.class, "Service", Service.class,
      "ConfigMap", ConfigMap.class, "Secret", Secret.class, "Namespace", Namespace.class,
      "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "PodDisruptionBudget", PodDisruptionBudget.class,
      "NetworkPolicy", NetworkPolicy.class);

  private Kustomize() {
  }

  static final String MISSING = "no kubectl with kustomize >= v4 (kubectl >= 1.21) on the PATH: the manifests are not"
      + " built or checked (Debian bookworm's kubernetes-client is 1.20, too old for components; .ci/run says so)";
  private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)");
  private static String kubectl;
  private static boolean looked;

  /** A kubectl on the PATH whose built-in kustomize knows components and labels (v4+), or null: the tests skip. */
  static synchronized String kubectl() {
    if (!looked) {
      looked = true;
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
        Path candidate = Path.of(dir, "kubectl");
        if (Files.isExecutable(candidate) && kustomizeMajor(candidate.toString()) >= 4) {
          kubectl = candidate.toString();
          break;
        }
      }
    }
    return kubectl;
  }

  private static int kustomizeMajor(String kubectl) {
    try {
      Process process = new ProcessBuilder(kubectl, "version", "--client").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(30, TimeUnit.SECONDS);
      Matcher m = KUSTOMIZE_VERSION.matcher(out);
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  static List<HasMetadata> build(Path overlay) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(kubectl(), "kustomize", overlay.toString()).redirectErrorStream(false).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("kubectl kustomize " + overlay + " failed: " + err);
    }
    return parse(new String(out, StandardCharsets.UTF_8));
  }

  /** One typed object per YAML document; kinds without a model class (ServiceMonitor) stay generic. */
  static List<HasMetadata> parse(String yaml) throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    YAMLMapper yamlMapper = new YAMLMapper(new YAMLFactory());
    try (var documents = yamlMapper.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null || document.isNull() || document.isEmpty()) {
          continue;
        }
        Class<? extends HasMetadata> type = KINDS.getOrDefault(document.path("kind").asText(),
            GenericKubernetesResource.class);
        objects.add(JSON.treeToValue(document, type));
      }
    }
    return objects;
  }
}
