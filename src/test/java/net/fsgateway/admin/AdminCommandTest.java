package net.fsgateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.fsgateway.config.PgConfig;
import net.fsgateway.security.AgentPasswords;
import net.fsgateway.support.TestBackends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The admin commands run in-process against the test database; results are checked with SQL. */
class AdminCommandTest {
  private static final AtomicInteger SEQ = new AtomicInteger();

  private record Run(int exit, String out, String err) {
  }

  private static Run admin(String stdin, String... args) {
    PgConfig pg = TestBackends.pg();
    CommandLine cli = new CommandLine(new AdminCommand(() -> AdminDatabase.of(pg),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString().trim(), err.toString().trim());
  }

  private static String unique(String prefix) {
    return prefix + System.nanoTime() % 100000 + "x" + SEQ.incrementAndGet();
  }

  @Test
  void createsAnAgentWithAPasswordFromStdinAndTogglesIt() throws Exception {
    String user = unique("agent");
    Run created = admin("s3cret-pass\n", "agent", "create", "--username", user, "--name", "Acme ISP", "--password-stdin");
    assertThat(created.exit()).as(created.err()).isZero();
    long agentnum = Long.parseLong(created.out());
    String hash = query("SELECT password_hash FROM agent WHERE agentnum = ?", agentnum);
    assertThat(hash).startsWith("$argon2id$");
    assertThat(AgentPasswords.verify(hash, "s3cret-pass".toCharArray())).isTrue();

    assertThat(admin("", "agent", "disable", "--username", user).exit()).isZero();
    assertThat(query("SELECT disabled::text FROM agent WHERE agentnum = ?", agentnum)).isEqualTo("true");
    assertThat(admin("", "agent", "enable", "--username", user).exit()).isZero();
    assertThat(query("SELECT disabled::text FROM agent WHERE agentnum = ?", agentnum)).isEqualTo("false");
    assertThat(admin("", "agent", "list").out()).contains(user).contains("Acme ISP");
  }

  @Test
  void setsAndClearsAnAgentsOwnLimitOnConcurrentCalls() throws Exception {
    String user = unique("limits");
    Run created = admin("", "agent", "create", "--username", user, "--name", "L", "--password", "long-enough");
    long agentnum = Long.parseLong(created.out());
    Run set = admin("", "agent", "set-limits", "--username", user, "--max-in-flight", "4");
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(query("SELECT max_in_flight::text FROM agent WHERE agentnum = ?", agentnum)).isEqualTo("4");
    assertThat(admin("", "agent", "set-limits", "--username", user, "--default").exit()).isZero();
    assertThat(query("SELECT max_in_flight::text FROM agent WHERE agentnum = ?", agentnum)).isNull();
    Run zero = admin("", "agent", "set-limits", "--username", user, "--max-in-flight", "0");
    assertThat(zero.exit()).isEqualTo(1);
    assertThat(zero.err()).contains("--max-in-flight must be >= 1");
    assertThat(admin("", "agent", "set-limits", "--username", unique("nobody"), "--max-in-flight", "3").err())
        .contains("no agent with username");
  }

  @Test
  void readsThePasswordFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pw");
    Files.writeString(file, "from-a-file-pw\nignored\n", StandardCharsets.UTF_8);
    Run created = admin("", "agent", "create", "--username", unique("file"), "--name", "F", "--password-file",
        file.toString());
    assertThat(created.exit()).as(created.err()).isZero();
    String hash = query("SELECT password_hash FROM agent WHERE agentnum = ?", Long.parseLong(created.out()));
    assertThat(AgentPasswords.verify(hash, "from-a-file-pw".toCharArray())).isTrue();
  }

  @Test
  void rejectsBadInputWithAMessageAndExitCode1() {
    String user = unique("dup");
    assertThat(admin("", "agent", "create", "--username", user, "--name", "A", "--password", "long-enough").exit()).isZero();
    Run duplicate = admin("", "agent", "create", "--username", user.toUpperCase(), "--name", "A", "--password", "long-enough");
    assertThat(duplicate.exit()).isEqualTo(1);
    assertThat(duplicate.err()).contains("already exists").doesNotContain("Exception");

    Run shortPw = admin("short\n", "agent", "create", "--username", unique("s"), "--name", "A", "--password-stdin");
    assertThat(shortPw.exit()).isEqualTo(1);
    assertThat(shortPw.err()).contains("at least 8");

    assertThat(admin("", "agent", "create", "--username", "bad name", "--name", "A", "--password", "xxxxxxxxx").err())
        .contains("--username must be");
    assertThat(admin("", "agent", "disable", "--username", "nobody-here").err()).contains("no agent with username");
    assertThat(admin("", "package", "create", "--name", "P", "--setup", "1.234", "--recur", "1").err())
        .contains("--setup must be");
    assertThat(admin("", "package", "create", "--name", "P", "--setup", "abc", "--recur", "1").exit()).isEqualTo(1);
    Run missing = admin("", "package", "create", "--name", "P");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("Missing required option");
    assertThat(admin("", "agent", "create", "--username", "u", "--name", "A", "--password", "x", "--password-stdin")
        .exit()).isEqualTo(1);
  }

  @Test
  void createsPackagesDomainsAndAllowsThem() throws Exception {
    String user = unique("seller");
    admin("", "agent", "create", "--username", user, "--name", "Seller", "--password", "long-enough");
    String domain = unique("d") + ".example.org";
    Run dom = admin("", "domain", "create", "--domain", domain);
    assertThat(dom.exit()).as(dom.err()).isZero();
    assertThat(query("SELECT coalesce(agentnum::text, 'shared') FROM svc_domain WHERE svcnum = ?",
        Long.parseLong(dom.out()))).isEqualTo("shared");
    Run own = admin("", "domain", "create", "--domain", "own." + domain, "--agent", user);
    assertThat(query("SELECT a.username FROM svc_domain d JOIN agent a USING (agentnum) WHERE svcnum = ?",
        Long.parseLong(own.out()))).isEqualTo(user);

    Run pkg = admin("", "package", "create", "--name", "Fiber 1G", "--setup", "10", "--recur", "19.95",
        "--default-domain", domain);
    assertThat(pkg.exit()).as(pkg.err()).isZero();
    long pkgpart = Long.parseLong(pkg.out());
    assertThat(query("SELECT pkg || '|' || setup_fee || '|' || recur_fee || '|' || freq || '|' || "
        + "(default_domsvc = " + dom.out() + ") FROM part_pkg WHERE pkgpart = ?", pkgpart))
        .isEqualTo("Fiber 1G|10.00|19.95|1|true");

    assertThat(admin("", "package", "allow", "--agent", user, "--pkgpart", String.valueOf(pkgpart)).exit()).isZero();
    assertThat(query("SELECT count(*)::text FROM agent_pkg JOIN agent USING (agentnum) WHERE pkgpart = ?", pkgpart))
        .isEqualTo("1");
    assertThat(admin("", "package", "allow", "--agent", user, "--pkgpart", "999999999").err())
        .contains("no package with pkgpart");
  }

  @Test
  void prepaidIdentifiersAreUnambiguousAndStored() throws Exception {
    Run run = admin("", "prepaid", "create", "--amount", "20.00", "--count", "5");
    assertThat(run.exit()).as(run.err()).isZero();
    String[] ids = run.out().split("\\R");
    assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    for (String id : ids) {
      assertThat(id).matches("[" + Codes.UNAMBIGUOUS + "]{16}");
      assertThat(query("SELECT amount::text FROM prepay_credit WHERE identifier = ?", id)).isEqualTo("20.00");
    }
  }

  @Test
  void createsRegistrationCodesReferralsLocationsAndPackageSignupRules() throws Exception {
    String user = unique("cat");
    assertThat(admin("", "agent", "create", "--username", user, "--name", "Cat", "--password", "long-enough").exit())
        .isZero();
    long pkgA = Long.parseLong(admin("", "package", "create", "--name", "A", "--setup", "0", "--recur", "5").out());
    long pkgB = Long.parseLong(admin("", "package", "create", "--name", "B", "--setup", "0", "--recur", "6").out());

    Run codes = admin("", "regcode", "create", "--agent", user, "--pkgpart", Long.toString(pkgA), "--pkgpart",
        Long.toString(pkgB), "--count", "3");
    assertThat(codes.exit()).as(codes.err()).isZero();
    String[] created = codes.out().split("\\R");
    assertThat(created).hasSize(3).doesNotHaveDuplicates();
    assertThat(query("SELECT string_agg(p.pkgpart::text, ',' ORDER BY p.pkgpart) FROM reg_code r"
        + " JOIN reg_code_pkg p USING (codenum) WHERE r.code = ?", created[0])).isEqualTo(pkgA + "," + pkgB);
    assertThat(admin("", "regcode", "create", "--agent", user, "--pkgpart", "999999999").err())
        .contains("no package with pkgpart 999999999");

    Run referral = admin("", "referral", "create", "--name", "Radio ad", "--agent", user);
    assertThat(referral.exit()).as(referral.err()).isZero();
    assertThat(query("SELECT referral || '|' || a.username FROM part_referral JOIN agent a USING (agentnum)"
        + " WHERE refnum = ?", Long.parseLong(referral.out()))).isEqualTo("Radio ad|" + user);

    assertThat(admin("", "location", "add", "--country", "au", "--state", "nsw").out()).isIn(
        "added AU/NSW/", "already there: AU/NSW/");
    assertThat(query("SELECT count(*)::text FROM cust_main_county WHERE country = 'AU' AND state = ?", "NSW"))
        .isEqualTo("1");
    assertThat(admin("", "location", "add", "--country", "Australia").exit()).isEqualTo(1);

    assertThat(admin("", "package", "signup", "--pkgpart", Long.toString(pkgA), "--promo-code", "SPRING",
        "--paybys", "BILL,CARD").exit()).isZero();
    assertThat(query("SELECT promo_code || '|' || array_to_string(paybys, ',') FROM part_pkg WHERE pkgpart = ?",
        pkgA)).isEqualTo("SPRING|BILL,CARD");
    assertThat(admin("", "package", "signup", "--pkgpart", Long.toString(pkgA), "--paybys", "").exit()).isZero();
    assertThat(query("SELECT promo_code || '|' || coalesce(array_to_string(paybys, ','), 'all') FROM part_pkg"
        + " WHERE pkgpart = ?", pkgA)).isEqualTo("SPRING|all");
    assertThat(admin("", "package", "signup", "--pkgpart", Long.toString(pkgA), "--paybys", "CASH").err())
        .contains("--paybys");
  }

  private static String query(String sql, Object param) throws Exception {
    PgConfig pg = TestBackends.pg();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
         PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, param);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }
}
