package net.fsgateway.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import net.fsgateway.config.ConfigException;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

class PgBudgetTest {

  private static GatewayConfig config(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return ConfigLoader.load(Path.of("does-not-exist.json"), env);
  }

  @Test
  void withoutMaxConnectionsEveryPoolGetsPoolSize() {
    PgBudget budget = PgBudget.of(config("GW_HTTP_INSTANCES", "2", "GW_PG_POOL_SIZE", "8"));
    assertThat(budget.pools()).isEqualTo(6);
    assertThat(budget.perPool()).isEqualTo(8);
    assertThat(budget.total()).as("6 pools of 8, and 2 listing + 2 journal + 2 signup-check connections per set")
        .isEqualTo(60);
  }

  @Test
  void maxConnectionsIsSplitEvenlyAndNeverExceeded() {
    GatewayConfig given = config("GW_HTTP_INSTANCES", "4", "GW_PG_MAX_CONNECTIONS", "40");
    PgBudget budget = PgBudget.of(given);
    assertThat(budget.pools()).isEqualTo(12);
    assertThat(budget.perPool()).isEqualTo(1);
    assertThat(budget.total()).isEqualTo(36).isLessThanOrEqualTo(40);
    assertThat(budget.applyTo(given).pg().poolSize()).isEqualTo(1);
    assertThat(budget.toString()).contains("at most 36");
  }

  @Test
  void busDeploymentsCountServiceInstancesNotHttpInstances() {
    PgBudget budget = PgBudget.of(config("GW_HTTP_INSTANCES", "8", "GW_DEPLOYMENT_SERVICES", "bus",
        "GW_DEPLOYMENT_SERVICE_INSTANCES", "2", "GW_PG_MAX_CONNECTIONS", "32"));
    assertThat(budget.pools()).isEqualTo(6);
    assertThat(budget.perPool()).isEqualTo(3);
    assertThat(budget.total()).isEqualTo(30).isLessThanOrEqualTo(32);
  }

  @Test
  void aBudgetBelowOneConnectionPerPoolStopsTheStartNamingTheKey() {
    assertThatThrownBy(() -> PgBudget.of(config("GW_HTTP_INSTANCES", "4", "GW_PG_MAX_CONNECTIONS", "35")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("pg.maxConnections (35)")
        .hasMessageContaining("36 connections");
  }

  @Test
  void poolerIsValidated() {
    assertThat(config("GW_PG_POOLER", "pgbouncer").pg().behindPgBouncer()).isTrue();
    assertThatThrownBy(() -> config("GW_PG_POOLER", "odyssey")).hasMessageContaining("pg.pooler");
  }
}
