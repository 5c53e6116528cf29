package net.fsgateway.billing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.PgConfig;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.session.EndedSessions;
import net.fsgateway.session.SessionStore;
import net.fsgateway.support.TestBackends;
import net.fsgateway.support.TestGateway;

/**
 * Seeds what a signup needs (agents, domains, packages, prepaid cards) with plain JDBC, opens reseller sessions
 * straight in Redis, and builds valid new_customer structs for tests to spoil one field at a time.
 */
final class SignupFixtures {
  static final String VALID_CARD = "4111111111111111";
  static final String VALID_ROUTING = "021000021";

  private final TestGateway gateway;
  final long agentnum;
  final String agentName;
  final long otherAgentnum;
  final long sharedDomsvc;
  final long otherAgentsDomsvc;
  final long pkgpart;
  final long notSoldPkgpart;
  final String sessionId;

  SignupFixtures(TestGateway gateway) throws Exception {
    this.gateway = gateway;
    String tag = UUID.randomUUID().toString().substring(0, 8);
    agentName = "Reseller " + tag;
    agentnum = insert("INSERT INTO agent (agent, username, password_hash) VALUES (?, ?, 'x') RETURNING agentnum",
        agentName, "reseller-" + tag);
    otherAgentnum = insert("INSERT INTO agent (agent, username, password_hash) VALUES (?, ?, 'x') RETURNING agentnum",
        "Other " + tag, "other-" + tag);
    sharedDomsvc = insert("INSERT INTO svc_domain (domain) VALUES (?) RETURNING svcnum", tag + ".example.net");
    otherAgentsDomsvc = insert("INSERT INTO svc_domain (domain, agentnum) VALUES (?, ?) RETURNING svcnum",
        tag + ".other.example", otherAgentnum);
    pkgpart = insert("INSERT INTO part_pkg (pkg, setup_fee, recur_fee, freq, default_domsvc)"
        + " VALUES ('Dial-up', 10.00, 19.95, 1, ?) RETURNING pkgpart", sharedDomsvc);
    notSoldPkgpart = insert("INSERT INTO part_pkg (pkg, setup_fee, recur_fee, freq, default_domsvc)"
        + " VALUES ('Not yours', 0, 5, 1, ?) RETURNING pkgpart", sharedDomsvc);
    execute("INSERT INTO agent_pkg (agentnum, pkgpart) VALUES (?, ?)", agentnum, pkgpart);
    execute("INSERT INTO agent_pkg (agentnum, pkgpart) VALUES (?, ?)", otherAgentnum, notSoldPkgpart);
    sessionId = session(agentnum);
  }

  String session(long agent) throws Exception {
    return new SessionStore(RedisClients.create(gateway.vertx(), TestBackends.redis()), 3600,
        EndedSessions.shared(gateway.vertx())).create(agent)
        .await(10, TimeUnit.SECONDS);
  }

  String prepaid(BigDecimal amount, Long owner) throws SQLException {
    String identifier = "PP-" + UUID.randomUUID().toString().substring(0, 13);
    execute("INSERT INTO prepay_credit (identifier, amount, agentnum) VALUES (?, ?, ?)", identifier, amount, owner);
    return identifier;
  }

  /** A valid CARD signup for {@code username}; tests replace fields to spoil or vary it. */
  Map<String, Object> card(String username) {
    Map<String, Object> s = new HashMap<>();
    s.put("session_id", sessionId);
    s.put("first", "Tofu");
    s.put("last", "Beast");
    s.put("company", "Soy Co");
    s.put("address1", "1234 Soybean Ln.");
    s.put("city", "Tofutown");
    s.put("state", "CA");
    s.put("zip", "02134");
    s.put("country", "US");
    s.put("daytime", "555-555-1212");
    s.put("invoicing_list", "tofu@example.com, bills@example.com");
    s.put("payby", "CARD");
    s.put("payinfo", VALID_CARD);
    s.put("paycvv", "123");
    s.put("paydate", "11/2031");
    s.put("payname", "Tofu Beast");
    s.put("pkgpart", (int) pkgpart);
    s.put("username", username);
    s.put("_password", "s33kret!");
    return s;
  }

  static Connection jdbc() throws SQLException {
    PgConfig pg = TestBackends.pg();
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
  }

  /** The first column of the first row as a long (counts, ids). */
  static long queryLong(String sql, Object... args) throws SQLException {
    try (Connection c = jdbc(); PreparedStatement st = prepare(c, sql, args); ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String queryString(String sql, Object... args) throws SQLException {
    try (Connection c = jdbc(); PreparedStatement st = prepare(c, sql, args); ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static long insert(String sql, Object... args) throws SQLException {
    return queryLong(sql, args);
  }

  static void execute(String sql, Object... args) throws SQLException {
    try (Connection c = jdbc(); PreparedStatement st = prepare(c, sql, args)) {
      st.execute();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      st.setObject(i + 1, args[i]);
    }
    return st;
  }
}
