package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Freeside parity through the real clients resellers use: Perl's Frontier::Client, PHP's xmlrpc extension and
 * Python's xmlrpc.client each run src/test/clients/parity.* against the gateway — struct and flat-list calls on
 * both prefixes, answers compared as strings the way those integrations compare them, idempotent suspend,
 * unsuspend and logout, the customer listing, the odd-list fault. .ci/run installs the interpreters and modules
 * (libfrontier-rpc-perl, php-cli, php-xmlrpc); where one is still missing the case is skipped, saying which.
 */
@Timeout(120)
class ClientParityIT {
  /** Checks per prefix in each script: two prefixes. */
  private static final int CHECKS = 2 * 15;
  private static TestGateway gateway;
  private static TestReseller reseller;
  private static String account;
  private static long custnum;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    reseller = TestReseller.create();
    account = TestData.unique("acct");
    custnum = reseller.customerWithAccount(TestData.unique("Parity"), account, reseller.domsvc(), false, false);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "python3, -c, import xmlrpc.client, parity.py",
      "perl, -e, use Frontier::Client, parity.pl",
      "php, -r, if (!function_exists('xmlrpc_encode_request')) exit(1);, parity.php"})
  void clientSeesFreesidesAnswers(String interpreter, String flag, String probe, String script) throws Exception {
    assumeThat(exitCode(List.of(interpreter, flag, probe)))
        .as(interpreter + " with its XML-RPC client is not installed (.ci/run installs it); skipped").isZero();
    ProcessBuilder builder = new ProcessBuilder(interpreter, Path.of("src", "test", "clients", script).toString())
        .redirectErrorStream(true);
    builder.environment().putAll(Map.of(
        "FSGW_URL", gateway.url("/selfservice/xmlrpc.cgi"),
        "FSGW_USER", reseller.username(), "FSGW_PASS", reseller.password(),
        "FSGW_AGENTNUM", String.valueOf(reseller.agentnum()), "FSGW_DOMAIN", reseller.privateDomain(),
        "FSGW_ACCOUNT", account, "FSGW_CUSTNUM", String.valueOf(custnum)));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).as(script + " output").doesNotContain("FAIL");
    assertThat(output.lines().filter(line -> line.startsWith("ok ")).count()).as(output).isEqualTo(CHECKS);
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static int exitCode(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (java.io.IOException | InterruptedException e) {
      return -1;
    }
  }
}
