package net.fsgateway.provisioning;

/**
 * The SQL of the provisioning methods, prepared once per connection by the client's statement cache. The reads are
 * public for the benchmark's query floor ({@code bench.FloorQueries}), which runs these very statements.
 */
public final class ProvisioningQueries {
  private ProvisioningQueries() {
  }

  /**
   * $1 username, $2 domain, $3 agentnum. No row: the domain is unknown to this agent (a missing domain and another
   * agent's private domain look the same). Case-insensitive like svc_acct_username_domsvc_key.
   */
  public static final String CHECK_USERNAME = "SELECT EXISTS (SELECT 1 FROM svc_acct a"
      + " WHERE lower(a.username) = lower($1) AND a.domsvc = d.svcnum) AS taken"
      + " FROM svc_domain d WHERE lower(d.domain) = lower($2) AND (d.agentnum IS NULL OR d.agentnum = $3)";

  /** The package behind username@domain ($1, $2) with its owner; at most one row by the unique indexes. */
  private static final String TARGET = "target AS (SELECT p.pkgnum, c.custnum, c.agentnum, a.svcnum, p.susp, p.cancel"
      + " FROM svc_domain d"
      + " JOIN svc_acct a ON a.domsvc = d.svcnum AND lower(a.username) = lower($1)"
      + " JOIN cust_pkg p ON p.pkgnum = a.pkgnum"
      + " JOIN cust_main c ON c.custnum = p.custnum"
      + " WHERE lower(d.domain) = lower($2))";

  /**
   * One statement: find the package, change it only if it belongs to agent $3 and is in the right state (the
   * WHERE re-checks the state under the row lock, so two concurrent calls cannot both succeed), audit the change,
   * and report what was found so the caller can tell "not found", "not yours" and "cancelled" apart.
   */
  private static String changeState(String set, String precondition, String action) {
    return "WITH " + TARGET + ","
        + " changed AS (UPDATE cust_pkg p SET " + set + " FROM target t"
        + " WHERE p.pkgnum = t.pkgnum AND t.agentnum = $3 AND p.cancel IS NULL AND " + precondition
        + " RETURNING p.pkgnum),"
        + " audit AS (INSERT INTO audit_log (agentnum, action, custnum, pkgnum, svcnum, detail)"
        + " SELECT $3, '" + action + "', t.custnum, t.pkgnum, t.svcnum, $1::text || '@' || $2::text"
        + " FROM target t JOIN changed ch ON ch.pkgnum = t.pkgnum RETURNING id)"
        + " SELECT t.agentnum, t.pkgnum, t.cancel IS NOT NULL AS cancelled,"
        + " (SELECT count(*) FROM audit) AS changed FROM target t";
  }

  static final String SUSPEND = changeState("susp = now()", "p.susp IS NULL", "suspend");
  static final String UNSUSPEND = changeState("susp = NULL", "p.susp IS NOT NULL", "unsuspend");

  /** $1 agentnum: the agent's name and its customers counted by status. */
  public static final String AGENT_INFO = "SELECT a.agentnum, a.agent,"
      + " count(*) FILTER (WHERE s.status = 'prospect') AS num_prospect,"
      + " count(*) FILTER (WHERE s.status = 'active') AS num_active,"
      + " count(*) FILTER (WHERE s.status = 'suspended') AS num_susp,"
      + " count(*) FILTER (WHERE s.status = 'cancelled') AS num_cancel"
      + " FROM agent a LEFT JOIN (SELECT c.agentnum, st.status FROM cust_main c" + CustomerStatus.LATERAL
      + " WHERE c.agentnum = $1) s ON s.agentnum = a.agentnum"
      + " WHERE a.agentnum = $1 GROUP BY a.agentnum, a.agent";

  /**
   * $1 agentnum: the packages the agent may sell, by name as Freeside sorts them; $2 a promotional code ('' for
   * all: otherwise only the packages carrying it); $3 a registration code ('' for none: otherwise the packages the
   * agent's code grants). numeric::text keeps the two decimals ("10.00").
   */
  public static final String AGENT_PACKAGES = "SELECT p.pkgpart, p.pkg, p.setup_fee::text AS setup_fee,"
      + " p.recur_fee::text AS recur_fee, p.freq, COALESCE(p.promo_code, '') AS promo_code, p.paybys"
      + " FROM part_pkg p WHERE NOT p.disabled AND CASE WHEN $3::text <> '' THEN p.pkgpart IN"
      + " (SELECT rp.pkgpart FROM reg_code r JOIN reg_code_pkg rp ON rp.codenum = r.codenum"
      + " WHERE r.agentnum = $1 AND lower(r.code) = lower($3::text))"
      + " ELSE EXISTS (SELECT 1 FROM agent_pkg ap WHERE ap.agentnum = $1 AND ap.pkgpart = p.pkgpart)"
      + " AND ($2::text = '' OR lower(p.promo_code) = lower($2::text)) END"
      + " ORDER BY p.pkg COLLATE \"C\", p.pkgpart";

  /** $1 agentnum: its name and the advertising sources its customers may name (shared and its own). */
  public static final String AGENT_REFERRALS = "SELECT a.agent, r.refnum, r.referral, r.agentnum, r.title"
      + " FROM agent a LEFT JOIN part_referral r ON NOT r.disabled AND (r.agentnum IS NULL OR r.agentnum = a.agentnum)"
      + " WHERE a.agentnum = $1 ORDER BY r.refnum";

  /** The locations customers may have. */
  public static final String LOCATIONS = "SELECT taxnum, county, state, country FROM cust_main_county"
      + " ORDER BY country, state, county";

  /** $1 agentnum: the shared domains and the agent's own. */
  public static final String AGENT_DOMAINS = "SELECT svcnum, domain FROM svc_domain"
      + " WHERE agentnum IS NULL OR agentnum = $1 ORDER BY lower(domain)";
}
