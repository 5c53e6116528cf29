package net.fsgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay, built by {@code kubectl kustomize} and read as typed objects: probes on the management port, ports,
 * resources, a restricted security context, a termination grace that fits the drain, and secret references to keys
 * the example Secret documents. The GW_* names are checked by {@link GwVariablesTest}.
 */
class ManifestTest {
  static final Path K8S = Path.of("k8s");
  private static final Map<String, Manifests> BUILT = new HashMap<>();

  @BeforeAll
  static void kubectlIsThere() {
    assumeTrue(Kustomize.kubectl() != null, Kustomize.MISSING);
  }

  static synchronized Manifests built(String overlay) throws IOException, InterruptedException {
    Manifests existing = BUILT.get(overlay);
    if (existing == null) {
      existing = new Manifests(overlay, Kustomize.build(K8S.resolve("overlays").resolve(overlay)));
      BUILT.put(overlay, existing);
    }
    return existing;
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void probesWatchTheManagementPortAndTheXmlRpcPortIsServed(String overlay) throws Exception {
    Manifests m = built(overlay);
    Container c = m.container();
    assertThat(c.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
        .contains(org.assertj.core.groups.Tuple.tuple("xmlrpc", Integer.parseInt(m.config().getData().get("GW_HTTP_PORT"))),
            org.assertj.core.groups.Tuple.tuple("management", Settings.managementPort()));
    assertHttpProbe(c.getStartupProbe(), "/health/live");
    assertHttpProbe(c.getLivenessProbe(), "/health/live");
    assertHttpProbe(c.getReadinessProbe(), "/health/ready");
    assertThat(c.getStartupProbe().getPeriodSeconds() * c.getStartupProbe().getFailureThreshold())
        .as("start-up allowance, seconds").isGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void terminationGraceFitsPreStopDrainAndGrace(String overlay) throws Exception {
    Manifests m = built(overlay);
    long preStop = m.container().getLifecycle().getPreStop().getSleep().getSeconds();
    long needed = preStop + Settings.drainDelaySeconds() + Settings.graceSeconds() + 5;
    assertThat(preStop).isBetween(2L, 15L);
    assertThat(m.gateway().getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .as("terminationGracePeriodSeconds >= preStop + drainDelay + grace + 5 s margin").isGreaterThanOrEqualTo(needed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void resourcesAndABoundedHeap(String overlay) throws Exception {
    Container c = built(overlay).container();
    Map<String, Quantity> requests = c.getResources().getRequests();
    Map<String, Quantity> limits = c.getResources().getLimits();
    assertThat(requests).containsKeys("cpu", "memory");
    assertThat(limits).containsKeys("cpu", "memory");
    assertThat(limits.get("memory").getNumericalAmount()).isGreaterThanOrEqualTo(requests.get("memory").getNumericalAmount());
    assertThat(limits.get("cpu").getNumericalAmount()).isGreaterThanOrEqualTo(requests.get("cpu").getNumericalAmount());
    assertThat(env(c, "JAVA_TOOL_OPTIONS").getValue()).contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void restrictedSecurityContextWithAWritableTmp(String overlay) throws Exception {
    Manifests m = built(overlay);
    PodSpec pod = m.gateway().getSpec().getTemplate().getSpec();
    Container c = m.container();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isNotNull().isNotZero();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
    String tmpVolume = c.getVolumeMounts().stream().filter(v -> v.getMountPath().equals("/tmp")).findFirst()
        .orElseThrow(() -> new AssertionError("no /tmp mount")).getName();
    Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow();
    assertThat(volume.getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
    assertThat(pod.getTopologySpreadConstraints()).extracting(t -> t.getTopologyKey()).contains("kubernetes.io/hostname");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void secretsComeFromTheSecretByKeyAndTheExampleDocumentsEveryKey(String overlay) throws Exception {
    Manifests m = built(overlay);
    Map<String, String> example = Settings.secretExample().getStringData();
    assertThat(example.values()).as("the example holds placeholders only").allMatch(v -> v.contains("REPLACE-ME"));
    List<SecretKeySelector> refs = m.container().getEnv().stream().map(EnvVar::getValueFrom).filter(Objects::nonNull)
        .map(v -> v.getSecretKeyRef()).filter(Objects::nonNull).toList();
    assertThat(refs).extracting(SecretKeySelector::getKey)
        .containsExactlyInAnyOrder("GW_PG_PASSWORD", "GW_REDIS_URL", "GW_REDIS_PASSWORD", "GW_BILLING_CARD_KEY",
            "GW_BILLING_AUTHORIZENET_API_LOGIN_ID", "GW_BILLING_AUTHORIZENET_TRANSACTION_KEY");
    assertThat(example).containsOnlyKeys(refs.stream().map(SecretKeySelector::getKey).toList());
    // A secret never sits in the ConfigMap.
    assertThat(m.config().getData()).doesNotContainKeys(example.keySet().toArray(String[]::new));
    for (SecretKeySelector ref : refs) {
      if (overlay.equals("dev")) {
        Secret generated = m.one(Secret.class, ref.getName());
        if (!Boolean.TRUE.equals(ref.getOptional())) {
          assertThat(generated.getData()).as("dev Secret").containsKey(ref.getKey());
        }
      } else {
        assertThat(ref.getName()).isEqualTo("fs-gateway-secrets");
        assertThat(m.all(Secret.class)).as("production Secret is created out of band").isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void serviceCarriesXmlRpcOnlyAndTheNetworkPolicyAdmitsManagementFromMonitoringOnly(String overlay) throws Exception {
    Manifests m = built(overlay);
    Service service = m.one(Service.class, "fs-gateway");
    assertThat(service.getSpec().getPorts()).singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("xmlrpc"));
    assertThat(service.getSpec().getSelector()).isEqualTo(m.gateway().getSpec().getSelector().getMatchLabels());

    NetworkPolicy policy = m.one(NetworkPolicy.class, "fs-gateway");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(m.gateway().getSpec().getSelector().getMatchLabels());
    List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress();
    NetworkPolicyIngressRule management = rule(rules, "management");
    assertThat(management.getFrom()).singleElement().satisfies(peer -> {
      assertThat(peer.getPodSelector()).isNull();
      assertThat(peer.getNamespaceSelector().getMatchLabels()).containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"));
    });
    assertThat(rule(rules, "xmlrpc").getPorts()).noneMatch(p -> "management".equals(p.getPort().getStrVal()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void autoscalerAndDisruptionBudgetTargetTheGateway(String overlay) throws Exception {
    Manifests m = built(overlay);
    HorizontalPodAutoscaler hpa = m.one(HorizontalPodAutoscaler.class, "fs-gateway");
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("fs-gateway");
    assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(x -> assertThat(x.getResource().getName()).isEqualTo("cpu"));
    assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
    PodDisruptionBudget pdb = m.one(PodDisruptionBudget.class, "fs-gateway");
    assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(m.gateway().getSpec().getSelector().getMatchLabels());
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
  }

  static EnvVar env(Container c, String name) {
    return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }

  private static NetworkPolicyIngressRule rule(List<NetworkPolicyIngressRule> rules, String port) {
    return rules.stream().filter(r -> r.getPorts().stream().anyMatch(p -> port.equals(p.getPort().getStrVal())))
        .findFirst().orElseThrow(() -> new AssertionError("no ingress rule for port " + port));
  }

  private static void assertHttpProbe(Probe probe, String path) {
    assertThat(probe).as("probe for " + path).isNotNull();
    HTTPGetAction get = probe.getHttpGet();
    assertThat(get.getPath()).isEqualTo(path);
    assertThat(get.getPort().getStrVal()).isEqualTo("management");
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
