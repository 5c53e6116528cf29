package net.fsgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fsgateway.security.AgentPasswords;
import net.fsgateway.support.GatewayProcess;
import net.fsgateway.support.OwnPostgres;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The retry storm of issue 13: {@code fsgw.storm.clients} (1,000) clients resending every second against a
 * stalled PostgreSQL for {@code fsgw.storm.seconds} (10 in the test run; the measurement is 30:
 * {@code -Dfsgw.storm.seconds=30}) on a gateway in its own JVM with the Kubernetes manifest's heap. The stall is
 * a lock on the table every check_username reads ({@code fsgw.storm.stall=lock}, the case) or SIGSTOP
 * ({@code sigstop}). Resident size sampled every second must stay ≤ 300 MiB, every call in the stall must get a
 * retryable fault, the gateway must serve again within 5 s after the stall, and its log must stay short.
 */
@Tag("fault")
@Timeout(600)
class RetryStormFaultIT {
  private static final int CLIENTS = Integer.getInteger("fsgw.storm.clients", 1000);
  private static final int STALL_SECONDS = Integer.getInteger("fsgw.storm.seconds", 10);
  private static final String STALL = System.getProperty("fsgw.storm.stall", "lock");
  private static final int BEFORE_SECONDS = 5;
  private static final int AFTER_SECONDS = 8;
  private static final long RSS_LIMIT_MIB = 300;
  private static final String PASSWORD = "storm-test-password";

  @Test
  void aRetryStormAgainstAStalledPostgresStaysWithinTheManifestsMemoryAndRecoversWithinFiveSeconds() throws Exception {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    // A memory and recovery-time bound measured while other builds hold every core measures those builds: the
    // gateway then answers nothing within the clients' one second, before the stall too.
    assumeTrue(Boolean.getBoolean("fsgw.storm.force") || load < 2.0 * cores, "machine too busy for the retry-storm"
        + " measurement (load average " + load + " on " + cores + " cores); -Dfsgw.storm.force=true runs it anyway");
    try (OwnPostgres pg = OwnPostgres.start();
         GatewayProcess child = GatewayProcess.builder().jvmOptions(List.of("-Xms64m", "-Xmx256m")).env(Map.of(
             "GW_PG_HOST", "127.0.0.1", "GW_PG_PORT", Integer.toString(pg.port()), "GW_PG_DATABASE", "postgres",
             "GW_PG_USER", "postgres", "GW_PG_PASSWORD", "", "GW_HTTP_INSTANCES", "0",
             "GW_THROTTLE_MAX_FAILURES_PER_ADDRESS", "1000000")).start().awaitReady(Duration.ofSeconds(60))) {
      pg.execute("INSERT INTO agent (agent, username, password_hash) VALUES ('Storm', 'storm', '"
          + AgentPasswords.hash(PASSWORD.toCharArray()) + "')");
      pg.execute("INSERT INTO svc_domain (domain, agentnum) VALUES ('storm.example', NULL)");
      String session = login(child.port());
      // A storm hits a gateway that has been serving: its call path is warmed first, so the phase before the stall
      // measures the gateway and not its JIT (cold, on a slow moment of a shared machine, it answered none of the
      // 1,000 clients' first seconds, they dropped their connections and retried, and its resident size climbed).
      warmUp(child.port(), session, 2_000);
      String call = "<?xml version=\"1.0\"?><methodCall><methodName>check_username</methodName><params><param>"
          + "<value><struct><member><name>session_id</name><value>" + session + "</value></member>"
          + "<member><name>username</name><value>someone</value></member>"
          + "<member><name>domain</name><value>storm.example</value></member></struct></value></param></params>"
          + "</methodCall>";
      List<String> rows = new ArrayList<>();
      long peakMib = 0;
      long logLinesBefore;
      int recoveredAfter = -1;
      long stalledOk = 0;
      try (RetryStorm storm = new RetryStorm(child.port(), call, CLIENTS)) {
        sample(storm, child, rows, "before", BEFORE_SECONDS);
        logLinesBefore = child.linesContaining("WARN");
        Connection locker = stall(pg);
        List<RetryStorm.Second> stalled;
        try {
          stalled = sample(storm, child, rows, "stalled", STALL_SECONDS);
        } finally {
          unstall(pg, locker);
        }
        List<RetryStorm.Second> after = sample(storm, child, rows, "after", AFTER_SECONDS);
        // The first two seconds may still deliver answers to calls that reached PostgreSQL before the lock (late
        // on a busy machine); after that nothing can be served while the lock is held.
        for (RetryStorm.Second s : stalled.subList(2, stalled.size())) {
          stalledOk += s.ok();
        }
        for (int i = 0; i < after.size() && recoveredAfter < 0; i++) {
          if (after.get(i).failed() == 0 && after.get(i).ok() > 0) {
            recoveredAfter = i + 1;
          }
        }
        for (String row : rows) {
          peakMib = Math.max(peakMib, Long.parseLong(row.split(" ")[2]));
        }
        storm.stop();
      }
      long logLines = child.linesContaining("WARN") - logLinesBefore;
      System.out.println("child gateway's last lines:\n" + child.lastLines(40));
      System.out.printf("retry storm (%s, %d clients, %d s): peak RSS %d MiB, recovered in %d s, %d WARN lines%n%s%n",
          STALL, CLIENTS, STALL_SECONDS, peakMib, recoveredAfter, logLines, String.join("\n", rows));
      assertThat(peakMib).as("peak resident MiB\n" + String.join("\n", rows)).isLessThanOrEqualTo(RSS_LIMIT_MIB);
      assertThat(recoveredAfter).as("seconds to serve again\n" + String.join("\n", rows)).isBetween(1, 5);
      assertThat(stalledOk).as("calls served while stalled (a lock the test holds)").isZero();
      assertThat(logLines).as("WARN lines during the storm\n" + child.lastLines(40)).isLessThan(100);
    }
  }

  private static Connection stall(OwnPostgres pg) throws Exception {
    if (STALL.equals("sigstop")) {
      pg.freeze();
      return null;
    }
    Connection locker = pg.connect();
    locker.setAutoCommit(false);
    try (Statement s = locker.createStatement()) {
      s.execute("LOCK TABLE svc_acct IN ACCESS EXCLUSIVE MODE");
    }
    return locker;
  }

  private static void unstall(OwnPostgres pg, Connection locker) throws Exception {
    if (locker == null) {
      pg.thaw();
      return;
    }
    locker.rollback();
    locker.close();
  }

  /** {@code seconds} one-second samples: outcomes and the child's resident size. */
  private static List<RetryStorm.Second> sample(RetryStorm storm, GatewayProcess child, List<String> rows, String phase,
                                                int seconds) throws InterruptedException {
    List<RetryStorm.Second> out = new ArrayList<>();
    for (int i = 0; i < seconds; i++) {
      Thread.sleep(1000);
      RetryStorm.Second s = storm.takeSecond();
      out.add(s);
      rows.add(String.format("%s %d %d MiB: ok %d, busy %d, unavailable %d, other faults %d, gave up %d", phase, i + 1,
          child.residentMib(), s.ok(), s.busy(), s.unavailable(), s.otherFaults(), s.gaveUp()));
    }
    return out;
  }

  private static void warmUp(int port, String session, int calls) throws Exception {
    XmlRpcClient client = client(port);
    Object[] params = {Map.of("session_id", session, "username", "someone", "domain", "storm.example")};
    for (int i = 0; i < calls; i++) {
      Map<?, ?> answer = (Map<?, ?>) client.execute("check_username", params);
      assertThat(answer.get("error")).as("warm-up call %d", i).isEqualTo("");
    }
  }

  private static XmlRpcClient client(int port) throws Exception {
    XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
    config.setServerURL(new java.net.URL("http://127.0.0.1:" + port + "/RPC2"));
    XmlRpcClient client = new XmlRpcClient();
    client.setConfig(config);
    return client;
  }

  private static String login(int port) throws Exception {
    XmlRpcClient client = client(port);
    Map<?, ?> answer = (Map<?, ?>) client.execute("agent_login",
        new Object[] {Map.of("username", "storm", "password", PASSWORD)});
    return (String) answer.get("session_id");
  }
}
