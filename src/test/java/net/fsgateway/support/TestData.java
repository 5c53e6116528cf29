package net.fsgateway.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;
import net.fsgateway.config.PgConfig;
import net.fsgateway.security.AgentPasswords;

/**
 * Rows for end-to-end tests, written over JDBC into the test database. The database is shared by every test of
 * the JVM, so names come from {@link #unique(String)}. Each method returns the new row's key.
 */
public final class TestData {
  private TestData() {
  }

  /** A name no other test uses: {@code prefix} + 10 random hex digits, lower case. */
  public static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** An agent whose password is stored as an argon2id hash. */
  public static long agent(String name, String username, String password, boolean disabled) {
    return insert("INSERT INTO agent (agent, username, password_hash, disabled) VALUES (?, ?, ?, ?) RETURNING agentnum",
        name, username, AgentPasswords.hash(password.toCharArray()), disabled);
  }

  /** A domain; {@code agentnum} null makes it shared by every agent. */
  public static long domain(String domain, Long agentnum) {
    return insert("INSERT INTO svc_domain (domain, agentnum) VALUES (?, ?) RETURNING svcnum", domain, agentnum);
  }

  /** A package definition, e.g. {@code pkg("Dial-up", "10.00", "19.95", 1)}. */
  public static long pkg(String name, String setupFee, String recurFee, int freq) {
    return insert("INSERT INTO part_pkg (pkg, setup_fee, recur_fee, freq) VALUES (?, ?, ?, ?) RETURNING pkgpart",
        name, new BigDecimal(setupFee), new BigDecimal(recurFee), freq);
  }

  /** Lets {@code agentnum} sell {@code pkgpart}. */
  public static void allow(long agentnum, long pkgpart) {
    update("INSERT INTO agent_pkg (agentnum, pkgpart) VALUES (?, ?)", agentnum, pkgpart);
  }

  /** A card-paying customer with no package (a prospect). */
  public static long customer(long agentnum, String first, String last, String company) {
    return insert("INSERT INTO cust_main (agentnum, first, last, company, payby, paymask, payinfo_enc)"
        + " VALUES (?, ?, ?, ?, 'CARD', '411111xxxxxx1111', '\\x00'::bytea) RETURNING custnum",
        agentnum, first, last, company);
  }

  /** A package of the customer, set up now; suspended and/or cancelled now when asked. */
  public static long custPkg(long custnum, long pkgpart, boolean suspended, boolean cancelled) {
    return insert("INSERT INTO cust_pkg (custnum, pkgpart, setup, susp, cancel) VALUES (?, ?, now(),"
        + " CASE WHEN ? THEN now() END, CASE WHEN ? THEN now() END) RETURNING pkgnum",
        custnum, pkgpart, suspended, cancelled);
  }

  /** A service account username@domain on the package. */
  public static long account(long pkgnum, String username, long domsvc) {
    return insert("INSERT INTO svc_acct (pkgnum, username, domsvc, password_scheme, password_hash)"
        + " VALUES (?, ?, ?, 'test', 'x') RETURNING svcnum", pkgnum, username, domsvc);
  }

  /** The first column of the first row of a query, or null. */
  public static Object scalar(String sql, Object... args) {
    try (Connection c = connect(); PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getObject(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static int update(String sql, Object... args) {
    try (Connection c = connect(); PreparedStatement s = prepare(c, sql, args)) {
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static long insert(String sql, Object... args) {
    return ((Number) scalar(sql, args)).longValue();
  }

  private static Connection connect() throws SQLException {
    PgConfig pg = TestBackends.pg();
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        s.setNull(i + 1, Types.BIGINT);
      } else {
        s.setObject(i + 1, args[i]);
      }
    }
    return s;
  }
}
