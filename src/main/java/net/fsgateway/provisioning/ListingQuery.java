package net.fsgateway.provisioning;

/**
 * The SQL of {@code agent_list_customers}. Each customer row is read whole as JSON ({@code to_jsonb}), so the
 * answer carries every customer column the schema has — today's and any a later migration adds — and the
 * billing location's address members, without this query naming them; {@link CustomerRows} drops the secrets.
 * Each customer gets the best rank it qualifies for (0 custnum; 1 phone, invoicing e-mail, full name or an exact
 * first/last/company; 2 last name or company containing the value; 3 a status flag) and rows come in rank, then
 * custnum order. strpos instead of LIKE: a search for "50%_off" means those characters, not wildcards.
 *
 * <p>$1 agentnum, $2 custnum, $3 phone digits, $4 e-mail, $5 first, $6 last, $7 company, $8 value, $9 statuses
 * wanted, $10 limit (null: every match), $11 offset.
 */
final class ListingQuery {
  private ListingQuery() {
  }

  /** Phone digits as compared: punctuation and a leading 1 before 10 digits removed. */
  private static String digits(String column) {
    return "regexp_replace(regexp_replace(coalesce(" + column + ", ''), '\\D', '', 'g'), '^1(\\d{10})', '\\1')";
  }

  static final String SQL = "SELECT x.cust, x.signup_epoch, x.status, to_jsonb(l) AS location FROM ("
      + "SELECT c.custnum, to_jsonb(c) - 'payinfo_enc' - 'ss_enc' AS cust,"
      + " extract(epoch FROM c.signupdate)::bigint AS signup_epoch, st.status, CASE"
      + " WHEN c.custnum = $2::bigint THEN 0"
      + " WHEN $3::text <> '' AND EXISTS (SELECT 1 FROM unnest(ARRAY[c.daytime, c.night, c.fax,"
      + " c.mobile]) phone(number) WHERE starts_with(" + digits("phone.number") + ", $3)) THEN 1"
      + " WHEN $4::text <> '' AND EXISTS (SELECT 1 FROM cust_main_invoice i"
      + " WHERE i.custnum = c.custnum AND lower(i.dest) = $4) THEN 1"
      + " WHEN $6::text <> '' AND lower(c.first) = $5::text AND lower(c.last) = $6"
      + " AND ($7::text = '' OR lower(c.company) = $7) THEN 1"
      + " WHEN $8::text <> '' AND (lower(c.first) = $8 OR lower(c.last) = $8 OR lower(c.company) = $8) THEN 1"
      + " WHEN $8 <> '' AND (strpos(lower(c.last), $8) > 0 OR strpos(lower(c.company), $8) > 0) THEN 2"
      + " WHEN st.status = ANY($9::text[]) THEN 3 END AS rank"
      + " FROM cust_main c" + CustomerStatus.LATERAL + " WHERE c.agentnum = $1) x"
      // The billing location: the one bill_locationnum names, else (a customer written without it) the first.
      + " LEFT JOIN LATERAL (SELECT * FROM cust_location cl WHERE cl.custnum = x.custnum"
      + " ORDER BY cl.locationnum = (x.cust ->> 'bill_locationnum')::bigint DESC NULLS LAST, cl.locationnum"
      + " LIMIT 1) l ON true"
      + " WHERE x.rank IS NOT NULL ORDER BY x.rank, x.custnum LIMIT $10::bigint OFFSET $11::bigint";
}
