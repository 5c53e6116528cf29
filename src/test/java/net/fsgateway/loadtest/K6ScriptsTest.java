package net.fsgateway.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each k6 script's own code (src/test/k6), run for a few iterations under the Node shim against a live gateway:
 * every request gets the answer the script expects, the side effects are in the database, and the thresholds are
 * evaluated (latency bounds loosened: this machine is shared). One run with a wrong domain proves the scripts fail.
 */
class K6ScriptsTest {
  private static final int ITERATIONS = 4;
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    String why = K6Shim.unavailable();
    assumeTrue(why == null, why);
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void signupStormSignsUpOneCustomerPerIteration() throws Exception {
    TestReseller reseller = TestReseller.create();
    K6Shim.Run run = K6Shim.run("signup-storm.js", env(reseller, true));

    assertClean(run);
    assertThat(run.requestsByMethod()).containsExactlyInAnyOrderEntriesOf(
        Map.of("agent_login", 1, "new_customer", ITERATIONS, "agent_logout", 1));
    assertThat(customersOf(reseller)).isEqualTo(ITERATIONS);
  }

  @Test
  void checkUsernameFindsFreeNamesAvailable() throws Exception {
    TestReseller reseller = TestReseller.create();
    K6Shim.Run run = K6Shim.run("check-username.js", env(reseller, true));

    assertClean(run);
    assertThat(run.requestsByMethod()).containsExactlyInAnyOrderEntriesOf(
        Map.of("agent_login", 1, "check_username", ITERATIONS, "agent_logout", 1));
    assertThat(run.summary().getJsonObject("checks").getJsonObject("a free name is available").getInteger("passes"))
        .isEqualTo(ITERATIONS);
  }

  @Test
  void resellerDayRunsWholeSessionsAndLeavesEveryCustomerActive() throws Exception {
    TestReseller reseller = TestReseller.create();
    // No GW_PKGPART/GW_DOMAIN: the script finds them with signup_info.
    K6Shim.Run run = K6Shim.run("reseller-day.js", env(reseller, false));

    assertClean(run);
    assertThat(run.requestsByMethod()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "agent_login", 1 + ITERATIONS, "signup_info", 1, "agent_logout", 1 + ITERATIONS,
        "check_username", 5 * ITERATIONS, "new_customer", ITERATIONS, "suspend_username", ITERATIONS,
        "unsuspend_username", ITERATIONS, "agent_list_customers", ITERATIONS));
    assertThat(run.summary().getJsonObject("checks").getJsonObject("the new customer is listed").getInteger("passes"))
        .isEqualTo(ITERATIONS);
    assertThat(customersOf(reseller)).isEqualTo(ITERATIONS);
    assertThat(((Number) TestData.scalar("SELECT count(*) FROM cust_pkg p JOIN cust_main c USING (custnum)"
        + " WHERE c.agentnum = ? AND p.susp IS NULL AND p.cancel IS NULL", reseller.agentnum())).intValue())
        .as("unsuspended again").isEqualTo(ITERATIONS);
  }

  @Test
  void anUnexpectedErrorStringFailsTheRun() throws Exception {
    TestReseller reseller = TestReseller.create();
    Map<String, String> env = env(reseller, true);
    env.put("GW_DOMAIN", "no-such-domain.invalid");
    K6Shim.Run run = K6Shim.run("check-username.js", env);

    assertThat(run.exitCode()).as(run.output()).isEqualTo(99);
    JsonObject thresholds = run.summary().getJsonObject("thresholds");
    assertThat(thresholds.getJsonObject("unexpected_errors: count==0").getBoolean("ok")).isFalse();
    assertThat(thresholds.getJsonObject("unexpected_errors: count==0").getDouble("actual")).isEqualTo(ITERATIONS);
    assertThat(thresholds.getJsonObject("call_failed: rate<0.01").getBoolean("ok")).isFalse();
  }

  private static Map<String, String> env(TestReseller reseller, boolean catalog) {
    Map<String, String> env = new HashMap<>();
    env.put("GW_URL", gateway.url("/selfservice/xmlrpc.cgi"));
    env.put("GW_AGENT_USERNAME", reseller.username());
    env.put("GW_AGENT_PASSWORD", reseller.password());
    if (catalog) {
      env.put("GW_PKGPART", Long.toString(reseller.pkgpart()));
      env.put("GW_DOMAIN", reseller.privateDomain());
    }
    env.put("SHIM_ITERATIONS", Integer.toString(ITERATIONS));
    env.put("SHIM_VUS", "2");
    // The scripts' thresholds are evaluated, but a shared 2-core machine cannot promise production latencies.
    env.put("P95_MS", "20000");
    env.put("P99_MS", "30000");
    return env;
  }

  /** Exit 0, no script or iteration error, every check passed, every threshold held. */
  private static void assertClean(K6Shim.Run run) {
    JsonObject s = run.summary();
    assertThat(s.getString("scriptError")).as(run.output()).isNull();
    assertThat(s.getJsonArray("iterationErrors")).as(run.output()).isEmpty();
    JsonObject checks = s.getJsonObject("checks");
    assertThat(checks.fieldNames()).isNotEmpty();
    checks.forEach(c -> assertThat(((JsonObject) c.getValue()).getInteger("fails")).as(c.getKey() + "\n" + run.output()).isZero());
    JsonObject thresholds = s.getJsonObject("thresholds");
    assertThat(thresholds.fieldNames()).contains("unexpected_errors: count==0", "call_failed: rate<0.01");
    thresholds.forEach(t -> assertThat(((JsonObject) t.getValue()).getBoolean("ok")).as(t.getKey()).isTrue());
    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  private static int customersOf(TestReseller reseller) {
    return ((Number) TestData.scalar("SELECT count(*) FROM cust_main WHERE agentnum = ?", reseller.agentnum())).intValue();
  }
}
