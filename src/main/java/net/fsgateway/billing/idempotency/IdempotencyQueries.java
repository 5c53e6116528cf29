package net.fsgateway.billing.idempotency;

/** The SQL of new_customer's idempotency keys (V4__payment_journal.sql, table signup_idempotency). */
final class IdempotencyQueries {
  /**
   * Claims (agent $1, key $2) for this call, or re-claims it when its row is older than 24 hours. A row back:
   * this call runs the signup; none: another call has the key.
   */
  static final String CLAIM = "INSERT INTO signup_idempotency (agentnum, idem_key, fingerprint, username)"
      + " VALUES ($1, $2, $3, $4) ON CONFLICT (agentnum, idem_key) DO UPDATE"
      + " SET fingerprint = EXCLUDED.fingerprint, username = EXCLUDED.username, answer = NULL, created_at = now()"
      + " WHERE signup_idempotency.created_at < now() - interval '24 hours' RETURNING created_at";
  /** Takes over a claim left without an answer for $3 seconds (its gateway died) and no customer made. */
  static final String TAKE_OVER = "UPDATE signup_idempotency SET created_at = now()"
      + " WHERE agentnum = $1 AND idem_key = $2 AND answer IS NULL AND created_at < now() - make_interval(secs => $3)"
      + " RETURNING created_at";
  static final String READ = "SELECT fingerprint, answer, username,"
      + " created_at < now() - make_interval(secs => $3) AS stale"
      + " FROM signup_idempotency WHERE agentnum = $1 AND idem_key = $2";
  static final String ANSWER = "UPDATE signup_idempotency SET answer = $3"
      + " WHERE agentnum = $1 AND idem_key = $2 AND answer IS NULL";
  static final String RELEASE = "DELETE FROM signup_idempotency"
      + " WHERE agentnum = $1 AND idem_key = $2 AND answer IS NULL";
  /**
   * A signup that committed while its gateway died before recording the answer: the account this reseller created
   * with the claimed username since the claim.
   */
  static final String COMMITTED = "SELECT c.custnum, a.svcnum, a.username FROM svc_acct a JOIN cust_pkg p ON p.pkgnum = a.pkgnum"
      + " JOIN cust_main c ON c.custnum = p.custnum, signup_idempotency k"
      + " WHERE k.agentnum = $1 AND k.idem_key = $2 AND lower(a.username) = lower(k.username)"
      + " AND c.agentnum = k.agentnum AND c.signupdate >= k.created_at ORDER BY c.custnum LIMIT 1";
  static final String EXPIRE = "DELETE FROM signup_idempotency WHERE created_at < now() - interval '24 hours'";

  private IdempotencyQueries() {
  }
}
