package net.fsgateway.admin;

/** The SQL of the admin commands. */
final class AdminQueries {
  static final String INSERT_AGENT =
      "INSERT INTO agent (agent, username, password_hash) VALUES (?, ?, ?) RETURNING agentnum";
  static final String SET_AGENT_DISABLED = "UPDATE agent SET disabled = ? WHERE lower(username) = lower(?)";
  static final String SET_AGENT_MAX_IN_FLIGHT = "UPDATE agent SET max_in_flight = ? WHERE lower(username) = lower(?)";
  static final String FIND_AGENT = "SELECT agentnum FROM agent WHERE lower(username) = lower(?)";
  static final String LIST_AGENTS = "SELECT a.agentnum, a.username, a.agent, a.disabled,"
      + " (SELECT count(*) FROM cust_main c WHERE c.agentnum = a.agentnum) AS customers"
      + " FROM agent a ORDER BY a.agentnum";
  static final String FIND_DOMAIN = "SELECT svcnum FROM svc_domain WHERE lower(domain) = lower(?)";
  static final String INSERT_PACKAGE = "INSERT INTO part_pkg (pkg, setup_fee, recur_fee, freq, default_domsvc)"
      + " VALUES (?, ?, ?, ?, ?) RETURNING pkgpart";
  static final String PACKAGE_EXISTS = "SELECT 1 FROM part_pkg WHERE pkgpart = ?";
  static final String ALLOW_PACKAGE =
      "INSERT INTO agent_pkg (agentnum, pkgpart) VALUES (?, ?) ON CONFLICT DO NOTHING";
  static final String INSERT_DOMAIN = "INSERT INTO svc_domain (domain, agentnum) VALUES (?, ?) RETURNING svcnum";
  static final String INSERT_PREPAID = "INSERT INTO prepay_credit (identifier, amount, agentnum) VALUES (?, ?, ?)"
      + " ON CONFLICT DO NOTHING";

  private AdminQueries() {
  }
}
