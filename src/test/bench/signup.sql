-- pgbench replay of one new_customer (payby CARD): the database floor for signups. The same two statements the
-- gateway issues, from net.fsgateway.billing.BillingQueries: SIGNUP_PLAN (every check in one read), then
-- INSERT_SIGNUP (every write in one atomic statement). Keep in step with BillingQueries.
-- Variables: -D agentnum=.. -D pkgpart=.. -D domsvc=.. ; :client_id is pgbench's own. Run with -M prepared.
\set r random(1, 1000000000000)
SELECT p.setup_fee, p.recur_fee, p.freq, p.default_domsvc, d.svcnum AS domsvc,
  EXISTS (SELECT 1 FROM svc_acct a WHERE lower(a.username) = lower('pg' || :client_id || 'r' || :r) AND a.domsvc = d.svcnum) AS taken
  FROM part_pkg p JOIN agent_pkg ap ON ap.pkgpart = p.pkgpart AND ap.agentnum = :agentnum
  LEFT JOIN svc_domain d ON d.svcnum = COALESCE(NULL::bigint,
    (SELECT n.svcnum FROM svc_domain n WHERE ''::text <> '' AND lower(n.domain) = lower(''::text)),
    CASE WHEN ''::text = '' THEN p.default_domsvc END)
    AND (d.agentnum IS NULL OR d.agentnum = :agentnum)
  WHERE p.pkgpart = :pkgpart AND NOT p.disabled;
WITH c AS (INSERT INTO cust_main (agentnum, first, last, company, daytime, night, fax, payby, payname, paymask,
    payinfo_enc, paydate)
    VALUES (:agentnum, 'Bench', 'User', '', '217-555-0100', '', '', 'CARD', 'Bench User', '411111xxxxxx1111',
      '\x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b'::bytea,
      DATE '2030-12-31') RETURNING custnum),
  l AS (INSERT INTO cust_location (custnum, address1, address2, city, state, zip, country)
    SELECT custnum, '1 Test Street', '', 'Springfield', 'IL', '62701', 'US' FROM c),
  i AS (INSERT INTO cust_main_invoice (custnum, dest) SELECT c.custnum, dest FROM c, unnest(ARRAY['pgbench@example.com']::text[]) dest),
  p AS (INSERT INTO cust_pkg (custnum, pkgpart, setup, bill)
    SELECT custnum, :pkgpart, now(), now() + make_interval(months => 1) FROM c RETURNING pkgnum),
  a AS (INSERT INTO svc_acct (pkgnum, username, domsvc, password_scheme, password_hash)
    SELECT pkgnum, 'pg' || :client_id || 'r' || :r, :domsvc, 'ssha512',
      '{SSHA512}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' FROM p RETURNING svcnum),
  b AS (INSERT INTO cust_bill (custnum, charged) SELECT custnum, 19.95 FROM c RETURNING invnum),
  y AS (INSERT INTO cust_pay (custnum, invnum, paid, payby, processor_ref)
    SELECT c.custnum, b.invnum, 19.95, 'CARD', 'test-approved' FROM c, b WHERE true AND 19.95 > 0),
  g AS (INSERT INTO audit_log (agentnum, action, custnum, pkgnum, svcnum, detail)
    SELECT :agentnum, 'signup', c.custnum, p.pkgnum, a.svcnum, 'payby=CARD' FROM c, p, a)
SELECT c.custnum, p.pkgnum, a.svcnum, b.invnum FROM c, p, a, b;
