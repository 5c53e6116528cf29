package net.fsgateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.PgConfig;
import net.fsgateway.infra.StartedBackends;
import net.fsgateway.security.AgentPasswords;
import net.fsgateway.support.TestBackends;
import org.junit.jupiter.api.Test;

class DemoSeedTest {

  @Test
  void seedsOnlyAFreshDatabaseAndShowsAGeneratedPasswordOnce() throws Exception {
    PgConfig pg = TestBackends.pg();
    GatewayConfig cfg = ConfigLoader.load(Path.of("none.json"), Map.of()).withPg(pg);

    ByteArrayOutputStream later = new ByteArrayOutputStream();
    assertThat(DemoSeed.seedIfFresh(new StartedBackends(cfg, false, List.of()), print(later))).isFalse();
    assertThat(later.size()).isZero();

    ByteArrayOutputStream first = new ByteArrayOutputStream();
    assertThat(DemoSeed.seedIfFresh(new StartedBackends(cfg, true, List.of()), print(first))).isTrue();
    String banner = first.toString(StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("password: (\\S+)").matcher(banner);
    assertThat(m.find()).isTrue();
    String password = m.group(1);
    assertThat(password).hasSize(20);
    assertThat(banner).contains("username: demo").contains("http://localhost:8080/").contains("agent_login");

    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
         Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT password_hash FROM agent WHERE username = 'demo'")) {
        assertThat(r.next()).isTrue();
        assertThat(AgentPasswords.verify(r.getString(1), password.toCharArray())).isTrue();
      }
      try (ResultSet r = s.executeQuery("SELECT string_agg(p.pkg || ':' || p.setup_fee || ':' || p.recur_fee, ','"
          + " ORDER BY p.pkg) FROM agent_pkg ap JOIN part_pkg p USING (pkgpart) JOIN agent a USING (agentnum)"
          + " WHERE a.username = 'demo'")) {
        r.next();
        assertThat(r.getString(1)).isEqualTo("Basic dial-up:10.00:19.95,DSL 10M:25.00:39.95");
      }
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM prepay_credit WHERE amount = 20.00")) {
        r.next();
        assertThat(r.getInt(1)).isGreaterThanOrEqualTo(3);
      }
    }
  }

  private static PrintStream print(ByteArrayOutputStream sink) {
    return new PrintStream(sink, true, StandardCharsets.UTF_8);
  }
}
