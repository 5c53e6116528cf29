package net.fsgateway.billing.journal;

/** The payment journal's SQL (V4__payment_journal.sql). */
public final class JournalQueries {
  /**
   * New attempts of processor $4 for a group of signups ($1 agents, $2 paybys, $3 amounts as text), their ids
   * answered in the order given: drawn in a CTE with their positions, so the order does not rest on RETURNING's.
   */
  public static final String BEGIN = "WITH input AS (SELECT nextval('payment_journal_attempt_id_seq') AS attempt_id,"
      + " u.ord, u.agentnum, u.payby, u.amount::numeric AS amount"
      + " FROM unnest($1::bigint[], $2::text[], $3::text[]) WITH ORDINALITY AS u(agentnum, payby, amount, ord)),"
      + " ins AS (INSERT INTO payment_journal (attempt_id, agentnum, processor, payby, amount)"
      + " SELECT attempt_id, agentnum, $4, payby, amount FROM input)"
      + " SELECT attempt_id FROM input ORDER BY ord";

  /**
   * Moves an attempt on, only from the states given in $5: a late step never overwrites a settled state (a
   * sweeper that voided an attempt, a capture already recorded). Keeps the reference when $3 is ''.
   */
  static final String ADVANCE = "UPDATE payment_journal SET state = $2,"
      + " reference = CASE WHEN $3::text = '' THEN reference ELSE $3::text END, detail = $4, updated_at = now()"
      + " WHERE attempt_id = $1 AND state = ANY($5::text[])";

  /**
   * authorized → captured for a group of attempts ($1 ids). {@code lower(state)} is the same test (states are
   * lower case, V4's CHECK) in a form from which the planner cannot prove payment_journal_open_idx's predicate:
   * with {@code state = 'authorized'} it read the ids through that index, which it takes for empty until the
   * table is first analyzed (the index was built on an empty table) while it holds every 'new' and 'authorized'
   * row version not yet vacuumed; every capture scanned all of them, and a signup's PostgreSQL CPU grew with the
   * journal (1.5 ms per signup after 20,000 signups, 0.8 without it; issue 15). By key, whatever the statistics.
   */
  static final String CAPTURED = "UPDATE payment_journal SET state = 'captured', updated_at = now()"
      + " WHERE attempt_id = ANY($1::bigint[]) AND lower(state) = 'authorized'";

  /**
   * Unfinished attempts of this processor untouched for $2 seconds, each with whether its customer committed
   * (the signup's payment row carries the reference, and the customer is the attempt's agent's). SKIP LOCKED:
   * gateways sweeping at once share the work, and an attempt is settled by exactly one of them.
   */
  static final String CLAIM = "SELECT j.attempt_id, j.state, j.reference, j.amount,"
      + " EXISTS (SELECT 1 FROM cust_pay p JOIN cust_main c ON c.custnum = p.custnum WHERE j.reference <> ''"
      + " AND p.processor_ref = j.reference AND c.agentnum = j.agentnum) AS committed"
      + " FROM payment_journal j WHERE j.processor = $1 AND j.state IN ('new', 'authorized')"
      + " AND j.updated_at < now() - make_interval(secs => $2) ORDER BY j.attempt_id LIMIT $3"
      + " FOR UPDATE OF j SKIP LOCKED";

  private JournalQueries() {
  }
}
