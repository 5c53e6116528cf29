package net.fsgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.infra.PgBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What differs between the overlays: where the backends are, how many PostgreSQL connections, Prometheus. */
class OverlaysTest {

  @BeforeAll
  static void kubectlIsThere() {
    assumeTrue(Kustomize.kubectl() != null, Kustomize.MISSING);
  }

  @Test
  void productionUsesExternalBackendsWithTheConnectionArithmeticItStates() throws Exception {
    Manifests m = ManifestTest.built("production");
    Map<String, String> config = m.config().getData();
    assertThat(config.get("GW_PG_HOST")).isNotBlank().doesNotContain("localhost", "127.0.0.1");
    assertThat(m.all(StatefulSet.class)).as("no in-cluster databases").isEmpty();
    assertThat(m.gateway().getSpec().getReplicas()).isEqualTo(3);

    int budget = Integer.parseInt(config.get("GW_PG_MAX_CONNECTIONS"));
    GatewayConfig pod = ConfigLoader.load(Path.of("does-not-exist.json"), config);
    assertThat(PgBudget.of(pod).total()).as("the pod's pools fit its budget").isLessThanOrEqualTo(budget);
    int perPod = budget + 1;
    int maxReplicas = m.one(HorizontalPodAutoscaler.class, "fs-gateway").getSpec().getMaxReplicas();
    int surge = m.gateway().getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal();
    String comment = ManifestTest.read(ManifestTest.K8S.resolve("overlays/production/kustomization.yaml"));
    assertThat(comment).as("the arithmetic in the overlay's comment matches its settings")
        .contains("pg.maxConnections = " + budget, "= " + perPod,
            maxReplicas + " x " + perPod + " = " + maxReplicas * perPod,
            "= " + (maxReplicas + surge) * perPod);
  }

  @Test
  void productionShipsTheServiceMonitorOnTheManagementPort() throws Exception {
    Manifests m = ManifestTest.built("production");
    GenericKubernetesResource monitor = m.one(GenericKubernetesResource.class, "fs-gateway");
    assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
    Map<?, ?> spec = (Map<?, ?>) monitor.getAdditionalProperties().get("spec");
    assertThat((List<?>) spec.get("endpoints")).singleElement().satisfies(e -> {
      Map<?, ?> endpoint = (Map<?, ?>) e;
      assertThat(endpoint.get("port")).isEqualTo("management");
      assertThat(endpoint.get("path")).isEqualTo("/metrics");
    });
    Service management = m.one(Service.class, "fs-gateway-management");
    assertThat(management.getSpec().getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("management");
      assertThat(p.getPort()).isEqualTo(Settings.managementPort());
    });
    assertThat(management.getSpec().getSelector()).isEqualTo(m.gateway().getSpec().getSelector().getMatchLabels());
  }

  @Test
  void devRunsPostgresAndRedisBesideTheGatewayUnderTheNamesItIsGiven() throws Exception {
    Manifests m = ManifestTest.built("dev");
    assertThat(m.all(StatefulSet.class)).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrder("postgres", "redis");
    String pgHost = m.config().getData().get("GW_PG_HOST");
    assertThat(m.find(Service.class, pgHost)).as("a Service named like GW_PG_HOST").isPresent();
    String secretName = m.container().getEnv().stream().filter(e -> e.getName().equals("GW_REDIS_URL")).findFirst()
        .orElseThrow().getValueFrom().getSecretKeyRef().getName();
    String redisUrl = new String(java.util.Base64.getDecoder().decode(
        m.one(io.fabric8.kubernetes.api.model.Secret.class, secretName).getData().get("GW_REDIS_URL")));
    assertThat(m.find(Service.class, URI.create(redisUrl).getHost())).as("a Service named like the Redis URL's host").isPresent();
    assertThat(m.all(GenericKubernetesResource.class)).as("no Prometheus Operator needed on a laptop").isEmpty();
  }
}
