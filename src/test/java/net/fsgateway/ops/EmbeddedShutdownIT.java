package net.fsgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fsgateway.infra.FreePorts;
import net.fsgateway.support.GatewayProcess;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The developer's gateway ({@code serve} with nothing configured: embedded PostgreSQL and Redis) stopped as a
 * terminal (Ctrl-C: SIGINT) or systemd (SIGTERM) stops it, by a signal to its whole process group. The embedded
 * backends must not get it: the gateway still serves a call that needs both during its drain delay, stops with
 * no WARN or ERROR line, exits 0, and only then are the embedded PostgreSQL and Redis gone, stopped by the gateway.
 */
@Timeout(180)
class EmbeddedShutdownIT {
  private static final Pattern DEMO_PASSWORD = Pattern.compile("password: (\\S+)");
  private static final int DRAIN_DELAY_SECONDS = 2;

  @ParameterizedTest(name = "SIG{0} to the process group")
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalToTheWholeGroupDrainsOnTheEmbeddedBackendsThenStopsThem(String signal) throws Exception {
    int pgPort = FreePorts.pick();
    int redisPort = FreePorts.pick();
    try (GatewayProcess gateway = GatewayProcess.builder().embedded().ownProcessGroup().env(Map.of(
        "GW_EMBEDDED_PG_PORT", Integer.toString(pgPort), "GW_EMBEDDED_REDIS_PORT", Integer.toString(redisPort),
        "GW_SHUTDOWN_DRAIN_DELAY_SECONDS", Integer.toString(DRAIN_DELAY_SECONDS))).start()) {
      gateway.awaitReady(Duration.ofSeconds(120));
      Path data = gateway.dir().resolve("data");
      ProcessHandle postgres = ProcessHandle.of(pid(data.resolve("postgres/postmaster.pid"))).orElseThrow();
      ProcessHandle redis = redisOn(redisPort);
      String session = login(gateway);

      gateway.signalGroup(signal);
      awaitDraining(gateway);
      // Readiness is 503 now, but the listener serves for the drain delay: a call reading the session (Redis)
      // and the catalogue (PostgreSQL).
      assertThat(gateway.call("agent_info", Map.of("session_id", session)))
          .as("a call during the drain delay").containsEntry("error", "");
      int exit = gateway.awaitExit(Duration.ofSeconds(60));

      String log = gateway.output();
      assertThat(exit).as("exit status; log:\n" + log).isZero();
      assertThat(log).contains("SIG" + signal + ": draining", "stopped in");
      // From the signal on: a start-up on a machine busy enough to time out the first payment sweep is not this test's.
      String shutdown = log.substring(log.indexOf("SIG" + signal + ": draining"));
      assertThat(shutdown.lines().filter(line -> line.matches(".*\\b(WARN|ERROR)\\b.*")))
          .as("WARN and ERROR lines while stopping; log:\n" + log).isEmpty();
      // PostgreSQL was stopped cleanly (it removes its PID file last) before the gateway exited; the processes
      // themselves are gone once reaped, which the init process does a moment later.
      assertThat(data.resolve("postgres/postmaster.pid")).as("PostgreSQL's PID file").doesNotExist();
      postgres.onExit().get(10, TimeUnit.SECONDS);
      redis.onExit().get(10, TimeUnit.SECONDS);
      assertThat(FreePorts.answers("127.0.0.1", pgPort, 300)).as("PostgreSQL's port answers").isFalse();
      assertThat(FreePorts.answers("127.0.0.1", redisPort, 300)).as("Redis's port answers").isFalse();
    }
  }

  /** Logs in as the demo reseller whose password the first start prints once. */
  private static String login(GatewayProcess gateway) throws Exception {
    Matcher password = DEMO_PASSWORD.matcher(gateway.output());
    assertThat(password.find()).as("the demo reseller's box").isTrue();
    Map<String, Object> answer = gateway.call("agent_login", Map.of("username", "demo", "password", password.group(1)));
    assertThat(answer).containsEntry("error", "");
    return String.valueOf(answer.get("session_id"));
  }

  private static void awaitDraining(GatewayProcess gateway) throws InterruptedException {
    for (int i = 0; i < 100 && gateway.readiness() == 200; i++) {
      Thread.sleep(10);
    }
    assertThat(gateway.readiness()).as("readiness once signalled").isEqualTo(503);
  }

  /** The embedded Redis, found by the title it gives itself: {@code redis-server... 127.0.0.1:<port>}. */
  private static ProcessHandle redisOn(int port) {
    Pattern title = Pattern.compile("(?s).*redis-server.*127\\.0\\.0\\.1:" + port + "\\b.*");
    return ProcessHandle.allProcesses().filter(p -> title.matcher(commandLine(p)).matches()).findFirst()
        .orElseThrow(() -> new AssertionError("no redis-server on port " + port));
  }

  private static String commandLine(ProcessHandle process) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.ISO_8859_1);
    } catch (IOException gone) {
      return "";
    }
  }

  private static long pid(Path pidFile) throws Exception {
    return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII).get(0).strip());
  }
}
