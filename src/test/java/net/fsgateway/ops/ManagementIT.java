package net.fsgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.ManagementConfig;
import net.fsgateway.support.RawHttp;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The management port over real HTTP, beside a real gateway on the test PostgreSQL and Redis: probes, the health
 * document with each backend's probe, the Prometheus scrape with the call meters, and none of it on the XML-RPC port.
 */
@Timeout(60)
class ManagementIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestGateway gateway;
  private static Operations operations;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start(c -> c.withManagement(new ManagementConfig("127.0.0.1", 0)));
    operations = Operations.of(gateway.vertx()).orElseThrow();
    port = operations.startManagement().await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void readinessFollowsTheLifecycleAndLivenessAlwaysAnswers() throws Exception {
    Operations fresh = Operations.create(gateway.config().withManagement(new ManagementConfig("127.0.0.1", 0)));
    io.vertx.core.Vertx vertx = fresh.createVertx(new io.vertx.core.VertxOptions());
    try {
      int own = fresh.startManagement().await(10, TimeUnit.SECONDS);
      assertThat(get(own, "/health/live").statusCode()).isEqualTo(200);
      assertThat(get(own, "/health/ready")).satisfies(r -> {
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("waiting for backends");
      });
      fresh.backendsReady(gateway.config());
      assertThat(get(own, "/health/ready").body()).contains("starting");
      fresh.started();
      assertThat(get(own, "/health/ready").statusCode()).isEqualTo(200);
      fresh.state().drain();
      assertThat(get(own, "/health/ready")).satisfies(r -> {
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("draining");
      });
      assertThat(get(own, "/health/live").statusCode()).isEqualTo(200);
    } finally {
      fresh.stopProbes();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void healthShowsEachBackendsStateAndRoundTrip() throws Exception {
    operations.backendsReady(gateway.config());
    operations.started();
    JsonObject health = null;
    for (int i = 0; i < 50; i++) {
      health = new JsonObject(get(port, "/health").body());
      if (health.getJsonObject("backends").getJsonObject("redis").getString("state").equals("up")
          && health.getJsonObject("backends").getJsonObject("postgresql").getString("state").equals("up")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(health.getString("status")).isEqualTo("ready");
    for (String backend : new String[] {"postgresql", "redis"}) {
      JsonObject probe = health.getJsonObject("backends").getJsonObject(backend);
      assertThat(probe.getString("state")).as(backend).isEqualTo("up");
      assertThat(probe.getDouble("lastRoundTripMs")).as(backend).isGreaterThan(0.0).isLessThan(2_000.0);
    }
  }

  @Test
  void metricsCountCallsByMethodAndOutcomeWithBoundedLabels() throws Exception {
    TestReseller reseller = TestReseller.create();
    String session = reseller.login(gateway);
    for (int i = 0; i < 3; i++) {
      gateway.call("check_username", Map.of("session_id", session, "username", "free" + i,
          "domain", reseller.privateDomain()));
    }
    gateway.call("check_username", Map.of("session_id", "no-such-session", "username", "x", "domain", "y"));
    gateway.call("agent_login", Map.of("username", reseller.username(), "password", "wrong-password"));
    gateway.call("new_customer", Map.of("session_id", session, "payby", "card", "paydate", "13/1999"));
    String scrape = get(port, "/metrics").body();

    assertThat(counter(scrape, "fsgw_calls_seconds_count{method=\"check_username\",outcome=\"ok\"}")).isGreaterThanOrEqualTo(3);
    assertThat(counter(scrape, "fsgw_calls_seconds_count{method=\"check_username\",outcome=\"bad_session\"}")).isGreaterThanOrEqualTo(1);
    assertThat(counter(scrape, "fsgw_calls_seconds_count{method=\"agent_login\",outcome=\"bad_login\"}")).isGreaterThanOrEqualTo(1);
    assertThat(counter(scrape, "fsgw_signups_total{outcome=\"bad_field\",payby=\"CARD\"}")).isGreaterThanOrEqualTo(1);
    assertThat(scrape).contains("fsgw_calls_seconds_bucket{method=\"check_username\",outcome=\"ok\",le=\"0.005\"}");
    assertThat(scrape).contains("fsgw_session_cache_total{result=\"hit\"}", "fsgw_session_cache_total{result=\"miss\"}");
    assertThat(scrape).contains("jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads");
    assertThat(scrape).contains("vertx_http_server_active_connections", "vertx_http_server_bytes_written",
        "vertx_http_server_bytes_read");
    assertThat(scrape).as("Vert.x's per-request HTTP meters are left out: fsgw_calls_seconds counts and times calls")
        .doesNotContain("vertx_http_server_requests_total", "vertx_http_server_response_time_seconds");
    assertThat(scrape).contains("fsgw_log_dropped_total");
    assertThat(scrape).contains("vertx_pool_in_use{pool_name=\"__vertx.DEFAULT\",pool_type=\"sql\"}",
        "vertx_pool_queue_pending{pool_name=\"__vertx.DEFAULT\",pool_type=\"sql\"}", "vertx_redis_processing_time_seconds");
    assertThat(scrape).as("no session id or username in a label").doesNotContain(session, reseller.username());
  }

  @Test
  void theXmlRpcPortServesNoManagementPath() throws Exception {
    for (String path : new String[] {"/health", "/health/live", "/health/ready", "/metrics"}) {
      try (RawHttp raw = new RawHttp(gateway.port())) {
        RawHttp.Response response = raw.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
        assertThat(response.status()).as(path).isEqualTo(404);
      }
    }
  }

  private static long counter(String scrape, String series) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(series + " ")) {
        return (long) Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return -1;
  }

  static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
