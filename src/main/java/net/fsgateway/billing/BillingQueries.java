package net.fsgateway.billing;

/**
 * The SQL of signups, as constants; the pool caches each prepared statement per connection. A signup is two
 * round trips of its own: one read for every check, one statement for every write (a single statement is atomic in
 * PostgreSQL, so the writes need no BEGIN/COMMIT of their own; PREPAY and a registration code add their
 * redemption in a transaction).
 */
public final class BillingQueries {
  /** Whether country/state/county are a location the gateway knows (cust_main_county), as Freeside checks. */
  private static String locationKnown(String country, String state, String county) {
    return "(EXISTS (SELECT 1 FROM cust_main_county z WHERE z.country = " + country + " AND z.state = '')"
        + " OR EXISTS (SELECT 1 FROM cust_main_county z WHERE z.country = " + country + " AND z.state = " + state
        + " AND (z.county = '' OR lower(z.county) = lower(" + county + "))))";
  }

  /**
   * Everything a signup is checked against, in one row for agent $1: the package $2 (null columns: no such
   * enabled package) with whether the agent sells it, carries promo code $6 or is granted by the agent's
   * registration code $7; the account's domain (by svcnum $3, else by name $4, else the package's default; only
   * shared or the agent's own) and whether username $5 is taken there; whether the billing location ($8 country,
   * $9 state, $10 county) and the service location ($11-$13, $11 null: none) are known; whether advertising
   * source $14 is visible to the agent; whether referring customer $15 is the agent's. Found by key whatever the
   * parameters, so the generic plan the signup pool runs (PgPools.genericPlans) is index scans only.
   */
  public static final String SIGNUP_PLAN = "SELECT a.agent, p.pkgpart, p.setup_fee, p.recur_fee, p.freq, p.default_domsvc,"
      + " p.paybys, EXISTS (SELECT 1 FROM agent_pkg ap WHERE ap.agentnum = $1 AND ap.pkgpart = p.pkgpart) AS sold,"
      + " (p.promo_code IS NOT NULL AND $6::text <> '' AND lower(p.promo_code) = lower($6::text)) AS promo_ok,"
      + " rc.codenum AS reg_codenum,"
      + " EXISTS (SELECT 1 FROM reg_code_pkg rp WHERE rp.codenum = rc.codenum AND rp.pkgpart = p.pkgpart) AS reg_ok,"
      + " d.svcnum AS domsvc,"
      + " EXISTS (SELECT 1 FROM svc_acct s WHERE lower(s.username) = lower($5) AND s.domsvc = d.svcnum) AS taken,"
      + " " + locationKnown("$8::text", "$9::text", "$10::text") + " AS bill_known,"
      + " ($11::text IS NULL OR " + locationKnown("$11::text", "$12::text", "$13::text") + ") AS ship_known,"
      + " EXISTS (SELECT 1 FROM part_referral r WHERE r.refnum = $14 AND NOT r.disabled"
      + " AND (r.agentnum IS NULL OR r.agentnum = $1)) AS refnum_ok,"
      + " ($15::bigint IS NULL OR EXISTS (SELECT 1 FROM cust_main rf WHERE rf.custnum = $15::bigint"
      + " AND rf.agentnum = $1)) AS referral_ok"
      + " FROM agent a"
      + " LEFT JOIN part_pkg p ON p.pkgpart = $2 AND NOT p.disabled"
      + " LEFT JOIN reg_code rc ON $7::text <> '' AND rc.agentnum = $1 AND lower(rc.code) = lower($7::text)"
      + " LEFT JOIN svc_domain d ON d.svcnum = COALESCE($3::bigint,"
      + " (SELECT n.svcnum FROM svc_domain n WHERE $4::text <> '' AND lower(n.domain) = lower($4::text)),"
      + " CASE WHEN $4::text = '' THEN p.default_domsvc END)"
      + " AND (d.agentnum IS NULL OR d.agentnum = $1)"
      + " WHERE a.agentnum = $1";
  static final String PREPAID_STATE = "SELECT used_at IS NOT NULL AS used, agentnum FROM prepay_credit"
      + " WHERE lower(identifier) = lower($1)";

  /**
   * Customer, its billing location (and service location when $42 is true), invoicing list, package, account,
   * first invoice, its payment (when $29 says the processor was paid and the charge is not zero) and the audit
   * row, in one statement. The location numbers are drawn first so the customer can point at its locations.
   * With a charge, the payment journal's attempt $51 turns 'authorized' with reference $27 in the same statement:
   * the journal says authorized exactly when the customer carrying the reference committed. Should the attempt
   * no longer be 'new' (the sweeper voided it while this signup was slow), nothing is written: no row comes back.
   */
  public static final String INSERT_SIGNUP = "WITH ln AS (SELECT nextval('cust_location_locationnum_seq') AS bill,"
      + " CASE WHEN $42::boolean THEN nextval('cust_location_locationnum_seq') END AS ship),"
      + " j AS (UPDATE payment_journal SET state = 'authorized', reference = $27, updated_at = now()"
      + " WHERE attempt_id = $51::bigint AND state = 'new' RETURNING attempt_id),"
      + " c AS (INSERT INTO cust_main (agentnum, first, last, company, daytime,"
      + " night, fax, payby, payname, paymask, payinfo_enc, paydate, mobile, comments, refnum, referral_custnum,"
      + " stateid, stateid_state, ss_enc, ss_mask, locale, bill_locationnum, ship_locationnum)"
      + " SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $30, $31, $32, $33, $34, $35, $36, $37, $38,"
      + " ln.bill, COALESCE(ln.ship, ln.bill) FROM ln"
      + " WHERE $51::bigint IS NULL OR EXISTS (SELECT 1 FROM j) RETURNING custnum),"
      + " l AS (INSERT INTO cust_location (locationnum, custnum, locationname, address1, address2, city, county,"
      + " state, zip, country)"
      + " SELECT ln.bill, c.custnum, $39, $13, $14, $15, $40, $16, $17, $18 FROM c, ln"
      + " UNION ALL SELECT ln.ship, c.custnum, $43, $44, $45, $46, $47, $48, $49, $50 FROM c, ln"
      + " WHERE ln.ship IS NOT NULL),"
      + " i AS (INSERT INTO cust_main_invoice (custnum, dest) SELECT c.custnum, dest FROM c, unnest($19::text[]) dest),"
      + " p AS (INSERT INTO cust_pkg (custnum, pkgpart, setup, bill)"
      + " SELECT custnum, $20, now(), now() + make_interval(months => $21) FROM c RETURNING pkgnum),"
      + " a AS (INSERT INTO svc_acct (pkgnum, username, domsvc, password_scheme, password_hash, sec_phrase)"
      + " SELECT pkgnum, $22, $23, $24, $25, $41 FROM p RETURNING svcnum),"
      + " b AS (INSERT INTO cust_bill (custnum, charged) SELECT custnum, $26 FROM c RETURNING invnum),"
      + " y AS (INSERT INTO cust_pay (custnum, invnum, paid, payby, processor_ref)"
      + " SELECT c.custnum, b.invnum, $26, $8, $27 FROM c, b WHERE $29::boolean AND $26::numeric > 0),"
      + " g AS (INSERT INTO audit_log (agentnum, action, custnum, pkgnum, svcnum, detail)"
      + " SELECT $1, 'signup', c.custnum, p.pkgnum, a.svcnum, $28 FROM c, p, a)"
      + " SELECT c.custnum, p.pkgnum, a.svcnum, b.invnum FROM c, p, a, b";

  /** Consumes registration code $1: exactly one of several racing signups deletes the row (reg_code_pkg cascades). */
  static final String CONSUME_REG_CODE = "DELETE FROM reg_code WHERE codenum = $1 RETURNING codenum";

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
