package net.fsgateway.admin;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.PgConfig;
import net.fsgateway.infra.StartedBackends;

/**
 * A demo catalogue and a demo reseller for a brand-new embedded database, so that a first run can be tried at once.
 * The reseller's password is generated and shown exactly once; a database that was not created by this start is
 * never touched.
 */
public final class DemoSeed {
  public static final String DEMO_USERNAME = "demo";
  public static final String DEMO_DOMAIN = "example.net";

  private DemoSeed() {
  }

  /** Seeds and prints the demo credentials when {@code started} created the embedded database; returns whether it did. */
  public static boolean seedIfFresh(StartedBackends started, PrintStream out) {
    if (!started.freshDatabase()) {
      return false;
    }
    String password = Codes.password();
    seed(started.config().pg(), password);
    out.print(banner(started.config(), password));
    out.flush();
    return true;
  }

  static void seed(PgConfig pg, String password) {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
      c.setAutoCommit(false);
      AdminStore store = new AdminStore(c);
      store.createDomain(DEMO_DOMAIN, null);
      long dialup = store.createPackage("Basic dial-up", new BigDecimal("10.00"), new BigDecimal("19.95"), 1,
          DEMO_DOMAIN);
      long dsl = store.createPackage("DSL 10M", new BigDecimal("25.00"), new BigDecimal("39.95"), 1, DEMO_DOMAIN);
      store.createAgent(DEMO_USERNAME, "Demo Reseller", password.toCharArray());
      store.allowPackage(DEMO_USERNAME, dialup);
      store.allowPackage(DEMO_USERNAME, dsl);
      store.createPrepaid(new BigDecimal("20.00"), 3, null);
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("demo seed failed: " + e.getMessage(), e);
    }
  }

  static String banner(GatewayConfig cfg, String password) {
    String scheme = cfg.http().tls() ? "https" : "http";
    String url = scheme + "://localhost:" + cfg.http().port() + "/";
    String python = "python3 -c \"import xmlrpc.client as x; s=x.ServerProxy('" + url + "'); print(s.FS.SelfService"
        + ".XMLRPC.agent_login({'username':'" + DEMO_USERNAME + "','password':'" + password + "'}))\"";
    List<String> lines = List.of(
        "Demo reseller created (shown once; this database is new)",
        "  username: " + DEMO_USERNAME,
        "  password: " + password,
        "  URL:      " + url,
        "  try:");
    int width = Math.max(lines.stream().mapToInt(String::length).max().orElse(0), 60);
    StringBuilder b = new StringBuilder();
    String rule = "+" + "-".repeat(width + 2) + "+" + System.lineSeparator();
    b.append(rule);
    for (String line : lines) {
      b.append("| ").append(line).append(" ".repeat(width - line.length())).append(" |").append(System.lineSeparator());
    }
    b.append(rule).append(python).append(System.lineSeparator());
    return b.toString();
  }
}
