package net.fsgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wrk Lua scripts of src/test/bench/wrk against the real gateway: every answer to the bodies they post is a
 * success (error ''), which wrk itself never checks, and their done() prints the WRK line the scripts read. A
 * wrapper script adds a response() that reads each answer. Skipped when wrk is not installed (.ci/run installs it).
 */
@Timeout(120)
class WrkScriptsTest {
  private static final Path SCRIPTS = Path.of("src/test/bench/wrk").toAbsolutePath();
  private static final Pattern CHECK = Pattern.compile("CHECK good=(\\d+) bad=(\\d+)");
  private static final Pattern WRK = Pattern.compile("WRK requests=(\\d+) .* p99=([0-9.]+) .* status=(\\d+) timeout=(\\d+)");
  private static TestGateway gateway;
  private static TestReseller reseller;
  private static String sessionId;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(wrkInstalled(), "wrk is not installed (Debian package wrk): the Lua scripts are not exercised");
    gateway = TestGateway.start();
    reseller = TestReseller.create();
    // new_customer's body names no domain: the package's default domain applies, as in the benchmark's seed.
    TestData.update("UPDATE part_pkg SET default_domsvc = ? WHERE pkgpart = ?", reseller.domsvc(), reseller.pkgpart());
    sessionId = reseller.login(gateway);
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static boolean wrkInstalled() {
    try {
      Process p = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs {@code method}.lua through a wrapper that judges every answer; returns wrk's output. */
  private String run(String method) throws Exception {
    Path wrapper = dir.resolve("check-" + method + ".lua");
    Files.writeString(wrapper, String.join("\n",
        "dofile(\"" + SCRIPTS.resolve(method + ".lua") + "\")",
        "local inner_setup, inner_done, threads = setup, done, {}",
        "setup = function(t) if inner_setup then inner_setup(t) end; threads[#threads + 1] = t end",
        "good, bad = 0, 0",
        "response = function(status, headers, body)",
        "  local ok = status == 200 and (body:find('<name>error</name><value><string></string></value>', 1, true)",
        "    or body:find('<name>error</name><value></value>', 1, true))",
        "  if ok then good = good + 1 else bad = bad + 1; if bad == 1 then io.write('BAD ', status, ' ', body, '\\n') end end",
        "end",
        "done = function(summary, latency, requests)",
        "  local g, b = 0, 0",
        "  for _, t in ipairs(threads) do g = g + t:get('good'); b = b + t:get('bad') end",
        "  io.write(string.format('CHECK good=%d bad=%d\\n', g, b))",
        "  inner_done(summary, latency, requests)",
        "end", ""), StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder("wrk", "-t1", "-c2", "-d1s", "--latency", "-s", wrapper.toString(),
        gateway.url("/RPC2")).redirectErrorStream(true);
    pb.environment().put("BENCH_SESSION_ID", sessionId);
    pb.environment().put("BENCH_DOMAIN", reseller.privateDomain());
    pb.environment().put("BENCH_PKGPART", Long.toString(reseller.pkgpart()));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"check_username", "agent_info", "signup_info", "new_customer"})
  void everyAnswerIsASuccessAndTheSummaryLineIsPrinted(String method) throws Exception {
    String out = run(method);
    Matcher check = CHECK.matcher(out);
    assertThat(check.find()).as(out).isTrue();
    assertThat(Long.parseLong(check.group(1))).as(out).isPositive();
    assertThat(Long.parseLong(check.group(2))).as(out).isZero();
    Matcher wrk = WRK.matcher(out);
    assertThat(wrk.find()).as(out).isTrue();
    assertThat(Long.parseLong(wrk.group(1))).isPositive();
    assertThat(wrk.group(3)).as("non-2xx answers").isEqualTo("0");
  }

  @Test
  void newCustomerCreatesOneCustomerPerRequestWithDistinctUsernames() throws Exception {
    long before = customers();
    String out = run("new_customer");
    Matcher check = CHECK.matcher(out);
    assertThat(check.find()).as(out).isTrue();
    // Every successful answer created its own customer (a repeated username would have been refused); a request
    // still in flight when wrk stopped (at most one per connection) may add one more.
    long good = Long.parseLong(check.group(1));
    assertThat(good).as(out).isPositive();
    assertThat(customers() - before).isBetween(good, good + 2);
  }

  private static long customers() {
    return ((Number) TestData.scalar("SELECT count(*) FROM cust_main WHERE agentnum = ?", reseller.agentnum()))
        .longValue();
  }
}
