package net.fsgateway.admin;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import net.fsgateway.security.AgentPasswords;

/**
 * The vendor's catalogue and resellers, written over JDBC (blocking is fine for a command line and a one-off
 * seed). Input is validated by {@link Validation} before it gets here; lookups that fail raise {@link AdminException}.
 */
public final class AdminStore {
  /** One row of {@code admin agent list}. */
  public record AgentRow(long agentnum, String username, String name, boolean disabled, long customers) {
  }

  private static final String UNIQUE_VIOLATION = "23505";

  private final Connection c;

  public AdminStore(Connection connection) {
    this.c = connection;
  }

  /** The same transaction, for the signup catalogue's commands ({@link CatalogStore}). */
  CatalogStore catalog() {
    return new CatalogStore(c, this);
  }

  public long createAgent(String username, String name, char[] password) throws SQLException {
    String hash = AgentPasswords.hash(password);
    try (PreparedStatement s = c.prepareStatement(AdminQueries.INSERT_AGENT)) {
      s.setString(1, name);
      s.setString(2, username);
      s.setString(3, hash);
      return single(s);
    } catch (SQLException e) {
      throw duplicateOr(e, "an agent with username '" + username + "' already exists");
    }
  }

  public void setAgentDisabled(String username, boolean disabled) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(AdminQueries.SET_AGENT_DISABLED)) {
      s.setBoolean(1, disabled);
      s.setString(2, username);
      if (s.executeUpdate() == 0) {
        throw new AdminException("no agent with username '" + username + "'");
      }
    }
  }

  /** The agent's own limit on concurrent calls per gateway; null to take the gateway's default again. */
  public void setAgentMaxInFlight(String username, Integer maxInFlight) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(AdminQueries.SET_AGENT_MAX_IN_FLIGHT)) {
      if (maxInFlight == null) {
        s.setNull(1, java.sql.Types.INTEGER);
      } else {
        s.setInt(1, maxInFlight);
      }
      s.setString(2, username);
      if (s.executeUpdate() == 0) {
        throw new AdminException("no agent with username '" + username + "'");
      }
    }
  }

  public List<AgentRow> listAgents() throws SQLException {
    List<AgentRow> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(AdminQueries.LIST_AGENTS); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        rows.add(new AgentRow(r.getLong(1), r.getString(2), r.getString(3), r.getBoolean(4), r.getLong(5)));
      }
    }
    return rows;
  }

  public long agentnum(String username) throws SQLException {
    return lookup(AdminQueries.FIND_AGENT, username, "no agent with username '" + username + "'");
  }

  public long createPackage(String name, BigDecimal setup, BigDecimal recur, int freq, String defaultDomain)
      throws SQLException {
    Long domsvc = defaultDomain == null ? null
        : lookup(AdminQueries.FIND_DOMAIN, defaultDomain, "no domain '" + defaultDomain + "' (create it first)");
    try (PreparedStatement s = c.prepareStatement(AdminQueries.INSERT_PACKAGE)) {
      s.setString(1, name);
      s.setBigDecimal(2, setup);
      s.setBigDecimal(3, recur);
      s.setInt(4, freq);
      setNullableLong(s, 5, domsvc);
      return single(s);
    }
  }

  public void allowPackage(String agentUsername, long pkgpart) throws SQLException {
    long agentnum = agentnum(agentUsername);
    requirePackage(pkgpart);
    try (PreparedStatement s = c.prepareStatement(AdminQueries.ALLOW_PACKAGE)) {
      s.setLong(1, agentnum);
      s.setLong(2, pkgpart);
      s.executeUpdate();
    }
  }

  void requirePackage(long pkgpart) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(AdminQueries.PACKAGE_EXISTS)) {
      s.setLong(1, pkgpart);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new AdminException("no package with pkgpart " + pkgpart);
        }
      }
    }
  }

  /** {@code agentUsername} null: a shared domain every agent may use. */
  public long createDomain(String domain, String agentUsername) throws SQLException {
    Long agentnum = agentUsername == null ? null : agentnum(agentUsername);
    try (PreparedStatement s = c.prepareStatement(AdminQueries.INSERT_DOMAIN)) {
      s.setString(1, domain);
      setNullableLong(s, 2, agentnum);
      return single(s);
    } catch (SQLException e) {
      throw duplicateOr(e, "domain '" + domain + "' already exists");
    }
  }

  /** Creates {@code count} prepaid cards worth {@code amount}; {@code agentUsername} null: any agent's customer. */
  public List<String> createPrepaid(BigDecimal amount, int count, String agentUsername) throws SQLException {
    Long agentnum = agentUsername == null ? null : agentnum(agentUsername);
    List<String> identifiers = new ArrayList<>(count);
    try (PreparedStatement s = c.prepareStatement(AdminQueries.INSERT_PREPAID)) {
      while (identifiers.size() < count) {
        String identifier = Codes.prepaidIdentifier();
        s.setString(1, identifier);
        s.setBigDecimal(2, amount);
        setNullableLong(s, 3, agentnum);
        // 0 rows: an astronomically unlikely collision with an existing card; draw again.
        if (s.executeUpdate() == 1) {
          identifiers.add(identifier);
        }
      }
    }
    return identifiers;
  }

  private long lookup(String sql, String key, String missing) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new AdminException(missing);
        }
        return r.getLong(1);
      }
    }
  }

  private static long single(PreparedStatement s) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void setNullableLong(PreparedStatement s, int index, Long value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, value);
    }
  }

  private static SQLException duplicateOr(SQLException e, String message) {
    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
      throw new AdminException(message);
    }
    return e;
  }
}
