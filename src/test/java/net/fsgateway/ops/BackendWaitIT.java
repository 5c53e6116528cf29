package net.fsgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import net.fsgateway.infra.FreePorts;
import net.fsgateway.support.GatewayProcess;
import net.fsgateway.support.TestBackends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Start-up with PostgreSQL not answering yet, in a real gateway process: readiness answers 503 while it waits, it
 * becomes ready by itself when PostgreSQL appears (a forwarder opened 3 s later), and it exits non-zero, naming
 * {@code startup.backendWaitSeconds}, only when the wait runs out.
 */
@Timeout(120)
class BackendWaitIT {

  @Test
  void waitsForPostgresqlThatAppearsLaterThenServes() throws Exception {
    int pgPort = FreePorts.pick();
    try (GatewayProcess child = GatewayProcess.builder().env(Map.of("GW_PG_PORT", Integer.toString(pgPort),
        "GW_STARTUP_BACKEND_WAIT_SECONDS", "60", "GW_SHUTDOWN_DRAIN_DELAY_SECONDS", "0")).start()) {
      awaitManagement(child);
      long until = System.currentTimeMillis() + 3_000;
      while (System.currentTimeMillis() < until) {
        assertThat(child.alive()).as("still waiting, not exited").isTrue();
        assertThat(child.readiness()).as("readiness while waiting").isEqualTo(503);
        Thread.sleep(200);
      }
      try (TcpForwarder pg = new TcpForwarder(pgPort, TestBackends.pg().port())) {
        child.awaitReady(Duration.ofSeconds(30));
        child.awaitOutput("ready:", Duration.ofSeconds(10)); // logged as readiness turns 200
        assertThat(child.output()).contains("waiting for backends", "startup.backendWaitSeconds", "ready:");
        child.terminate();
        assertThat(child.awaitExit(Duration.ofSeconds(30))).isZero();
      }
    }
  }

  @Test
  void exitsNonZeroNamingTheSettingWhenTheWaitRunsOut() throws Exception {
    int nothing = FreePorts.pick();
    try (GatewayProcess child = GatewayProcess.builder().env(Map.of("GW_PG_PORT", Integer.toString(nothing),
        "GW_STARTUP_BACKEND_WAIT_SECONDS", "2")).start()) {
      long started = System.currentTimeMillis();
      int exit = child.awaitExit(Duration.ofSeconds(60));
      long tookMs = System.currentTimeMillis() - started;
      assertThat(exit).isEqualTo(1);
      assertThat(tookMs).as("it waited").isGreaterThanOrEqualTo(2_000);
      assertThat(child.output()).contains("gave up after", "startup.backendWaitSeconds", "pg.host/pg.port");
    }
  }

  private static void awaitManagement(GatewayProcess child) throws InterruptedException {
    for (int i = 0; i < 300 && child.readiness() == -1; i++) {
      Thread.sleep(100);
    }
  }
}
