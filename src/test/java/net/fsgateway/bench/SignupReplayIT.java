package net.fsgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.PgConfig;
import net.fsgateway.support.TestBackends;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The database floor for signups, run by pgbench as the benchmark runs it: each transaction writes a whole
 * customer through the gateway's own statements and leaves its journal attempt authorized with the customer's
 * payment reference.
 */
@Timeout(60)
class SignupReplayIT {
  @Test
  void pgbenchWritesWholeSignupsWithTheirAttemptsAuthorized() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/pgbench")), "pgbench not installed: replay test skipped");
    TestReseller reseller = TestReseller.create();
    Path script = Files.createTempFile("signup", ".sql");
    Files.writeString(script, SignupReplay.script());
    PgConfig pg = TestBackends.pg();
    Process pgbench = new ProcessBuilder("/usr/bin/pgbench", "-h", pg.host(), "-p", Integer.toString(pg.port()),
        "-U", pg.user(), "-n", "-M", "prepared", "-c", "2", "-t", "3", "-f", script.toString(),
        "-D", "agentnum=" + reseller.agentnum(), "-D", "pkgpart=" + reseller.pkgpart(),
        "-D", "domsvc=" + reseller.domsvc(), pg.database()).redirectErrorStream(true).start();
    String output = new String(pgbench.getInputStream().readAllBytes());
    assertThat(pgbench.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(pgbench.exitValue()).as(output).isZero();
    Files.delete(script);

    assertThat(TestData.scalar("SELECT count(*) FROM cust_main c JOIN cust_pkg p USING (custnum)"
        + " JOIN svc_acct s USING (pkgnum) JOIN cust_pay y ON y.custnum = c.custnum"
        + " JOIN payment_journal j ON j.reference = y.processor_ref AND j.state = 'authorized'"
        + " WHERE c.agentnum = ? AND s.username LIKE 'pg%'", reseller.agentnum())).isEqualTo(6L);
  }

  @Test
  void aStatementParameterWithoutAValueIsRefused() {
    assertThat(SignupReplay.substitute("SELECT $1, $2", n -> List.of("1", "'a'").get(n - 1)))
        .isEqualTo("SELECT 1, 'a'");
    assertThatThrownBy(() -> SignupReplay.substitute("SELECT $3", n -> null))
        .hasMessageContaining("$3");
  }
}
