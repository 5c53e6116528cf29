package net.fsgateway.billing;

/**
 * The SQL of signups, as constants; the pool caches each prepared statement per connection. A signup is two
 * round trips: one read for every check, one statement for every write (a single statement is atomic in
 * PostgreSQL, so the writes need no BEGIN/COMMIT of their own; PREPAY adds its redemption in a transaction).
 */
final class BillingQueries {
  /**
   * The package (if this agent sells it), the account's domain (by svcnum $3, else by name $4, else the package's
   * default; only shared or the agent's own) and whether username $5 is taken there. No row: not the agent's
   * package; a null domsvc: no such domain for this agent. The domain is found by key whatever the parameters,
   * so the generic plan the signup pool runs (PgPools.genericPlans) is index scans only.
   */
  static final String SIGNUP_PLAN = "SELECT p.setup_fee, p.recur_fee, p.freq, p.default_domsvc, d.svcnum AS domsvc,"
      + " EXISTS (SELECT 1 FROM svc_acct a WHERE lower(a.username) = lower($5) AND a.domsvc = d.svcnum) AS taken"
      + " FROM part_pkg p JOIN agent_pkg ap ON ap.pkgpart = p.pkgpart AND ap.agentnum = $1"
      + " LEFT JOIN svc_domain d ON d.svcnum = COALESCE($3::bigint,"
      + " (SELECT n.svcnum FROM svc_domain n WHERE $4::text <> '' AND lower(n.domain) = lower($4::text)),"
      + " CASE WHEN $4::text = '' THEN p.default_domsvc END)"
      + " AND (d.agentnum IS NULL OR d.agentnum = $1)"
      + " WHERE p.pkgpart = $2 AND NOT p.disabled";
  static final String PREPAID_STATE = "SELECT used_at IS NOT NULL AS used FROM prepay_credit"
      + " WHERE lower(identifier) = lower($1) AND (agentnum IS NULL OR agentnum = $2)";

  /**
   * Customer, location, invoicing list, package, account, first invoice, its payment (when $29 says the processor
   * was paid and the charge is not zero) and the audit row, in one statement.
   */
  static final String INSERT_SIGNUP = "WITH c AS (INSERT INTO cust_main (agentnum, first, last, company, daytime,"
      + " night, fax, payby, payname, paymask, payinfo_enc, paydate)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING custnum),"
      + " l AS (INSERT INTO cust_location (custnum, address1, address2, city, state, zip, country)"
      + " SELECT custnum, $13, $14, $15, $16, $17, $18 FROM c),"
      + " i AS (INSERT INTO cust_main_invoice (custnum, dest) SELECT c.custnum, dest FROM c, unnest($19::text[]) dest),"
      + " p AS (INSERT INTO cust_pkg (custnum, pkgpart, setup, bill)"
      + " SELECT custnum, $20, now(), now() + make_interval(months => $21) FROM c RETURNING pkgnum),"
      + " a AS (INSERT INTO svc_acct (pkgnum, username, domsvc, password_scheme, password_hash)"
      + " SELECT pkgnum, $22, $23, $24, $25 FROM p RETURNING svcnum),"
      + " b AS (INSERT INTO cust_bill (custnum, charged) SELECT custnum, $26 FROM c RETURNING invnum),"
      + " y AS (INSERT INTO cust_pay (custnum, invnum, paid, payby, processor_ref)"
      + " SELECT c.custnum, b.invnum, $26, $8, $27 FROM c, b WHERE $29::boolean AND $26::numeric > 0),"
      + " g AS (INSERT INTO audit_log (agentnum, action, custnum, pkgnum, svcnum, detail)"
      + " SELECT $1, 'signup', c.custnum, p.pkgnum, a.svcnum, $28 FROM c, p, a)"
      + " SELECT c.custnum, p.pkgnum, a.svcnum, b.invnum FROM c, p, a, b";

  /** Exactly one of several racing signups gets the row back: the others see used_at already set. */
  static final String REDEEM_PREPAID = "UPDATE prepay_credit SET used_by_custnum = $3, used_at = now()"
      + " WHERE lower(identifier) = lower($1) AND used_at IS NULL AND (agentnum IS NULL OR agentnum = $2)"
      + " RETURNING amount";
  static final String INSERT_CREDIT = "INSERT INTO cust_credit (custnum, amount, reason)"
      + " VALUES ($1, $2, 'prepaid card') RETURNING crednum";
  static final String APPLY_CREDIT = "INSERT INTO cust_credit_bill (crednum, invnum, amount) VALUES ($1, $2, $3)";

  /** The unique index that decides username races (V1__schema.sql). */
  static final String USERNAME_CONSTRAINT = "svc_acct_username_domsvc_key";
  static final String UNIQUE_VIOLATION = "23505";

  private BillingQueries() {
  }
}
