package net.fsgateway.billing;

/** The SQL of signups, as constants; the pool caches each prepared statement per connection. */
final class BillingQueries {
  static final String PACKAGE_FOR_AGENT = "SELECT p.setup_fee, p.recur_fee, p.freq, p.default_domsvc"
      + " FROM part_pkg p JOIN agent_pkg ap ON ap.pkgpart = p.pkgpart"
      + " WHERE ap.agentnum = $1 AND p.pkgpart = $2 AND NOT p.disabled";
  static final String DOMAIN_BY_SVCNUM = "SELECT svcnum FROM svc_domain"
      + " WHERE svcnum = $1 AND (agentnum IS NULL OR agentnum = $2)";
  static final String DOMAIN_BY_NAME = "SELECT svcnum FROM svc_domain"
      + " WHERE lower(domain) = lower($1) AND (agentnum IS NULL OR agentnum = $2)";
  static final String USERNAME_TAKEN = "SELECT 1 FROM svc_acct WHERE lower(username) = lower($1) AND domsvc = $2";
  static final String PREPAID_STATE = "SELECT used_at IS NOT NULL AS used FROM prepay_credit"
      + " WHERE lower(identifier) = lower($1) AND (agentnum IS NULL OR agentnum = $2)";

  static final String INSERT_CUSTOMER = "INSERT INTO cust_main (agentnum, first, last, company, daytime, night,"
      + " fax, payby, payname, paymask, payinfo_enc, paydate)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING custnum";
  static final String INSERT_LOCATION = "INSERT INTO cust_location (custnum, address1, address2, city, state, zip,"
      + " country) VALUES ($1, $2, $3, $4, $5, $6, $7)";
  static final String INSERT_INVOICE_DEST = "INSERT INTO cust_main_invoice (custnum, dest) VALUES ($1, $2)";
  static final String INSERT_PACKAGE = "INSERT INTO cust_pkg (custnum, pkgpart, setup, bill)"
      + " VALUES ($1, $2, now(), now() + make_interval(months => $3)) RETURNING pkgnum";
  static final String INSERT_ACCOUNT = "INSERT INTO svc_acct (pkgnum, username, domsvc, password_scheme,"
      + " password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING svcnum";
  static final String INSERT_BILL = "INSERT INTO cust_bill (custnum, charged) VALUES ($1, $2) RETURNING invnum";
  static final String INSERT_PAYMENT = "INSERT INTO cust_pay (custnum, invnum, paid, payby, processor_ref)"
      + " VALUES ($1, $2, $3, $4, $5)";
  /** Exactly one of several racing signups gets the row back: the others see used_at already set. */
  static final String REDEEM_PREPAID = "UPDATE prepay_credit SET used_by_custnum = $3, used_at = now()"
      + " WHERE lower(identifier) = lower($1) AND used_at IS NULL AND (agentnum IS NULL OR agentnum = $2)"
      + " RETURNING amount";
  static final String INSERT_CREDIT = "INSERT INTO cust_credit (custnum, amount, reason)"
      + " VALUES ($1, $2, 'prepaid card') RETURNING crednum";
  static final String APPLY_CREDIT = "INSERT INTO cust_credit_bill (crednum, invnum, amount) VALUES ($1, $2, $3)";
  static final String AUDIT_SIGNUP = "INSERT INTO audit_log (agentnum, action, custnum, pkgnum, svcnum, detail)"
      + " VALUES ($1, 'signup', $2, $3, $4, $5)";

  /** The unique index that decides username races (V1__schema.sql). */
  static final String USERNAME_CONSTRAINT = "svc_acct_username_domsvc_key";
  static final String UNIQUE_VIOLATION = "23505";

  private BillingQueries() {
  }
}
