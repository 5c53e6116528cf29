-- pgbench replay of one new_customer: the database floor for signups. The same statements, in the same order, as
-- net.fsgateway.billing.SignupChecks (three reads) and SignupStore (one transaction), from BillingQueries.
-- Variables: -D agentnum=.. -D pkgpart=.. -D domsvc=.. ; :client_id is pgbench's own.
\set r random(1, 1000000000000)
SELECT p.setup_fee, p.recur_fee, p.freq, p.default_domsvc FROM part_pkg p JOIN agent_pkg ap ON ap.pkgpart = p.pkgpart
  WHERE ap.agentnum = :agentnum AND p.pkgpart = :pkgpart AND NOT p.disabled;
SELECT svcnum FROM svc_domain WHERE svcnum = :domsvc AND (agentnum IS NULL OR agentnum = :agentnum);
SELECT 1 FROM svc_acct WHERE lower(username) = lower('pg' || :client_id || 'r' || :r) AND domsvc = :domsvc;
BEGIN;
INSERT INTO cust_main (agentnum, first, last, company, daytime, night, fax, payby, payname, paymask, payinfo_enc, paydate)
  VALUES (:agentnum, 'Bench', 'User', '', '217-555-0100', '', '', 'CARD', 'Bench User', '411111xxxxxx1111',
          '\x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b'::bytea,
          DATE '2030-12-31')
  RETURNING custnum \gset
INSERT INTO cust_location (custnum, address1, address2, city, state, zip, country)
  VALUES (:custnum, '1 Test Street', '', 'Springfield', 'IL', '62701', 'US');
INSERT INTO cust_main_invoice (custnum, dest) VALUES (:custnum, 'pgbench@example.com');
INSERT INTO cust_pkg (custnum, pkgpart, setup, bill) VALUES (:custnum, :pkgpart, now(), now() + make_interval(months => 1))
  RETURNING pkgnum \gset
INSERT INTO svc_acct (pkgnum, username, domsvc, password_scheme, password_hash)
  VALUES (:pkgnum, 'pg' || :client_id || 'r' || :r, :domsvc, 'sha512-crypt',
          '$6$rounds=5000$benchsaltbenchsa$0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000')
  RETURNING svcnum \gset
INSERT INTO cust_bill (custnum, charged) VALUES (:custnum, 19.95) RETURNING invnum \gset
INSERT INTO cust_pay (custnum, invnum, paid, payby, processor_ref) VALUES (:custnum, :invnum, 19.95, 'CARD', 'test-approved');
INSERT INTO audit_log (agentnum, action, custnum, pkgnum, svcnum, detail)
  VALUES (:agentnum, 'signup', :custnum, :pkgnum, :svcnum, 'pgbench');
COMMIT;
