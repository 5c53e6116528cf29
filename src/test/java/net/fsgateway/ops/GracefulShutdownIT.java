package net.fsgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import net.fsgateway.codec.XmlRpcRequestWriter;
import net.fsgateway.codec.XmlRpcResponseDecoder;
import net.fsgateway.support.GatewayProcess;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestReseller;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XStruct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM to a real gateway process under 64 keep-alive clients running check_username and new_customer, as
 * Kubernetes sends it on every rollout, the Service's endpoint removal played by the test: clients stop sending new
 * calls {@value #ENDPOINT_PROPAGATION_MS} ms after readiness turns 503, inside the drain delay. Calls whose request
 * is still arriving when the listener closes (slow raw-socket clients) finish too. No call fails, every signup
 * answered success is in the database, the process exits 0 within the grace period, and its log has no error.
 *
 * <p>What no server can promise, and this test does not ask: a connection the kernel accepted into the listen
 * backlog after the drain delay is reset when the listener closes; that is why the drain delay exists.
 */
@Timeout(120)
class GracefulShutdownIT {
  private static final int CLIENTS = 64;
  private static final int DRAIN_DELAY_SECONDS = 3;
  private static final long ENDPOINT_PROPAGATION_MS = 1_000;
  private static final int SLOW_CLIENTS = 4;

  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger answeredAfterSignal = new AtomicInteger();
  private final AtomicBoolean inEndpoints = new AtomicBoolean(true);
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final Queue<String> signedUp = new ConcurrentLinkedQueue<>();
  private volatile boolean signalled;
  /** Starts every signup username of one run, so the database check counts this run's rows only. */
  private final String signupPrefix = "sg" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "x";

  @ParameterizedTest(name = "deployment.services={0}")
  @ValueSource(strings = {"colocated", "bus"})
  void sigtermDrainsEveryCallInFlightAndExitsZero(String services) throws Exception {
    TestReseller reseller = TestReseller.create();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    // The drain is the subject: one reseller's 64 clients are not held to its share of slots, and backend
    // deadlines are seconds, so a machine busy with other work does not turn slow calls into faults before SIGTERM.
    try (GatewayProcess child = GatewayProcess.builder().env(Map.of("GW_HTTP_INSTANCES", "2",
        "GW_SHUTDOWN_DRAIN_DELAY_SECONDS", Integer.toString(DRAIN_DELAY_SECONDS),
        "GW_SHUTDOWN_GRACE_SECONDS", "20", "GW_DEPLOYMENT_SERVICES", services))
        .env(Map.of("GW_LIMITS_AGENT_MAX_IN_FLIGHT", Integer.toString(CLIENTS), "GW_DEADLINES_REDIS_COMMAND_MS", "3000",
            "GW_DEADLINES_PG_QUERY_MS", "3000", "GW_DEADLINES_PG_POOL_WAIT_MS", "3000")).start()) {
      child.awaitReady(Duration.ofSeconds(60));
      String session = login(http, child, reseller);
      for (int i = 0; i < CLIENTS; i++) {
        int client = i;
        pool.submit(() -> run(http, child, reseller, session, client));
      }
      Thread.sleep(2_000);
      assertThat(answered.get()).as("the load runs before the signal").isPositive();
      signalled = true;
      long signalAt = System.nanoTime();
      child.terminate();
      int readiness = awaitNot200(child);
      assertThat(readiness).as("readiness right after SIGTERM").isEqualTo(503);
      long readinessFailedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalAt);
      Thread.sleep(ENDPOINT_PROPAGATION_MS);
      inEndpoints.set(false);
      Thread.sleep(500);
      List<SlowCall> slow = new ArrayList<>();
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        slow.add(SlowCall.begin(child.port(), reseller, session, "slow" + i + "x" + System.nanoTime() % 100_000));
      }
      child.awaitOutput("stopping:", Duration.ofSeconds(10));
      Thread.sleep(500);
      for (SlowCall call : slow) {
        call.finish();
      }
      int exit = child.awaitExit(Duration.ofSeconds(30));
      long exitMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalAt);
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      String log = child.output();

      System.out.printf(services + ": answered %d calls (%d after SIGTERM), %d signups; readiness 503 after %d ms; exit %d after"
          + " %d ms%n", answered.get(), answeredAfterSignal.get(), signedUp.size(), readinessFailedMs, exit, exitMs);
      assertThat(failures).as("calls that failed").isEmpty();
      for (SlowCall call : slow) {
        assertThat(call.answer()).as("a call whose body was still arriving when the listener closed")
            .startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close").contains("<name>available</name>");
      }
      assertThat(exit).as("exit status; log:\n" + log).isZero();
      assertThat(answeredAfterSignal.get()).as("it kept serving during the drain delay").isPositive();
      assertThat(exitMs).isGreaterThanOrEqualTo(DRAIN_DELAY_SECONDS * 1000L).isLessThan(20_000);
      assertThat(log).contains("SIGTERM: draining", "stopped in").doesNotContain("ERROR", "Exception", "Pool closed");
      assertThat(signedUp).isNotEmpty();
      assertThat(TestData.scalar("SELECT count(*) FROM svc_acct WHERE username LIKE ?", signupPrefix + "%"))
          .as("no signup committed without its answer").hasToString(Integer.toString(signedUp.size()));
      for (String username : signedUp) {
        assertThat(TestData.scalar("SELECT count(*) FROM svc_acct WHERE username = ?", username))
            .as(username).hasToString("1");
      }
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }

  /** Also with {@code log.format=json}, the way a log collector reads it. */
  @Test
  void atTheDeadlineItExitsNonZeroAndSaysHowManyCallsItCut() throws Exception {
    TestReseller reseller = TestReseller.create();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (GatewayProcess child = GatewayProcess.builder().env(Map.of("GW_HTTP_INSTANCES", "2",
        "GW_SHUTDOWN_DRAIN_DELAY_SECONDS", "1", "GW_SHUTDOWN_GRACE_SECONDS", "3", "GW_LOG_FORMAT", "json")).start()) {
      child.awaitReady(Duration.ofSeconds(60));
      String session = login(http, child, reseller);
      // Two calls whose bodies never finish arriving: in flight until the deadline.
      SlowCall first = SlowCall.begin(child.port(), reseller, session, "cut1");
      SlowCall second = SlowCall.begin(child.port(), reseller, session, "cut2");
      long signalAt = System.nanoTime();
      child.terminate();
      int exit = child.awaitExit(Duration.ofSeconds(30));
      long exitMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalAt);
      assertThat(exit).isEqualTo(1);
      assertThat(exitMs).isBetween(3_000L, 10_000L);
      assertThat(child.output()).contains("shutdown.graceSeconds=3 ran out: cutting 2 call(s) still in flight");
      // log.format=json: every line one JSON object, the access line's fields as key-value pairs.
      List<JsonObject> lines = child.output().lines().filter(line -> line.startsWith("{")).map(JsonObject::new).toList();
      assertThat(lines).hasSize((int) child.output().lines().count());
      assertThat(lines).anySatisfy(line -> {
        assertThat(line.getString("loggerName")).isEqualTo(AccessLog.LOGGER);
        assertThat(line.getJsonArray("kvpList").encode()).contains("\"method\":\"agent_login\"", "\"outcome\":\"ok\"");
      });
      first.finish();
      second.finish();
    }
  }

  private void run(HttpClient http, GatewayProcess child, TestReseller reseller, String session, int client) {
    int n = 0;
    while (!stop.get() && inEndpoints.get()) {
      boolean signup = client % 4 == 0;
      String username = (signup ? signupPrefix : "sd") + client + "x" + (n++);
      XStruct.Builder params = XStruct.builder().put("session_id", session).put("username", username);
      if (signup) {
        signupFields(params, reseller);
      } else {
        params.put("domain", reseller.privateDomain());
      }
      String method = signup ? "new_customer" : "check_username";
      boolean afterSignal = signalled;
      try {
        MethodResponse response = call(http, child, method, params.build());
        String error = response instanceof MethodResponse.Success s && s.value() instanceof XStruct answer
            ? Scalars.text(answer.get("error")).orElse("") : "fault " + response;
        if (!error.isEmpty()) {
          failures.add(method + ": " + error);
          continue;
        }
        answered.incrementAndGet();
        if (afterSignal) {
          answeredAfterSignal.incrementAndGet();
        }
        if (signup) {
          signedUp.add(username);
        }
      } catch (Exception e) {
        failures.add(method + ": " + e);
      }
    }
  }

  private static void signupFields(XStruct.Builder s, TestReseller reseller) {
    s.put("first", "Tofu").put("last", "Beast").put("address1", "1 Main St").put("city", "Tofutown")
        .put("state", "CA").put("zip", "02134").put("country", "US").put("daytime", "555-555-1212")
        .put("invoicing_list", "tofu@example.com").put("payby", "CARD").put("payinfo", "4111111111111111")
        .put("paycvv", "123").put("paydate", "11/2031").put("payname", "Tofu Beast")
        .put("pkgpart", Long.toString(reseller.pkgpart())).put("domsvc", Long.toString(reseller.domsvc()))
        .put("_password", "s33kret!x");
  }

  private static String login(HttpClient http, GatewayProcess child, TestReseller reseller) throws Exception {
    MethodResponse response = call(http, child, "agent_login",
        XStruct.builder().put("username", reseller.username()).put("password", reseller.password()).build());
    XStruct answer = (XStruct) ((MethodResponse.Success) response).value();
    return Scalars.text(answer.get("session_id")).orElseThrow();
  }

  private static MethodResponse call(HttpClient http, GatewayProcess child, String method, XStruct params)
      throws Exception {
    byte[] body = XmlRpcRequestWriter.write(new MethodCall("FS.SelfService.XMLRPC." + method, List.of(params)))
        .getBytes();
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(child.url()))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode());
    }
    return XmlRpcResponseDecoder.decode(Buffer.buffer(response.body()));
  }

  private static int awaitNot200(GatewayProcess child) throws InterruptedException {
    List<Integer> seen = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int status = child.readiness();
      seen.add(status);
      if (status != 200) {
        return status;
      }
      Thread.sleep(10);
    }
    return seen.get(seen.size() - 1);
  }
}
