package net.fsgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver end to end against the canned floor server, in-process, one second per run. */
@Timeout(30)
class BenchSmokeTest {
  private static Vertx server;
  private static int port;

  @BeforeAll
  static void startFloor() {
    server = Vertx.vertx();
    FloorHttpServer floor = new FloorHttpServer(0);
    server.deployVerticle(floor).await();
    port = floor.actualPort();
  }

  @AfterAll
  static void stopFloor() {
    server.close().await();
  }

  private static RunStats run(String scenario, int concurrency, double rate) {
    BenchSettings settings = new BenchSettings(LocalTarget.parse("http://127.0.0.1:" + port + "/RPC2"), scenario,
        concurrency, rate, Duration.ofSeconds(1), Duration.ofMillis(200), 0, "bench", "pw", "example.net", 1L,
        Duration.ofSeconds(5));
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      RpcClient client = new RpcClient(vertx, settings.target(), concurrency, settings.requestTimeout());
      Scenario plan = Scenarios.create(settings);
      BenchCommand.onContext(vertx, () -> plan.setUp(client)).await();
      RunStats stats = BenchCommand.onContext(vertx, () -> new LoadDriver(vertx, client, plan, settings).run()).await();
      BenchCommand.onContext(vertx, () -> plan.tearDown(client)).await();
      return stats;
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void closedLoopAgainstTheFloorMeasuresRequestsWithoutErrors() {
    RunStats stats = run("canned", 4, 0);
    assertThat(stats.total().requests()).isPositive();
    assertThat(stats.total().unexpected()).isZero();
    assertThat(stats.passed()).isTrue();
    assertThat(stats.elapsedSeconds()).isBetween(0.9, 1.5);
  }

  @Test
  void openLoopSendsAboutTheScheduledNumberOfRequests() {
    RunStats stats = run("canned", 4, 200);
    assertThat(stats.total().unexpected()).isZero();
    assertThat(stats.total().requests()).isBetween(150L, 250L);
  }

  @Test
  void sessionScenariosLogInAndRunAgainstTheFloorToo() {
    // The floor answers every method with error '' and a session_id, so the full mixed flow runs.
    RunStats stats = run("mixed", 8, 0);
    assertThat(stats.passed()).isTrue();
    assertThat(stats.byMethod()).containsKeys("check_username", "new_customer");
  }
}
