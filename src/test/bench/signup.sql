-- pgbench replay of one new_customer transaction: the database floor for signups.
-- Kept in step with net.fsgateway.billing.BillingQueries (branch billing); written from V1__schema.sql until
-- those queries land. Variables: -D agentnum=.. -D pkgpart=.. -D domsvc=.. ; :client_id is pgbench's own.
\set r random(1, 1000000000000)
BEGIN;
INSERT INTO cust_main (agentnum, first, last, company, daytime, payby, payname, paymask, payinfo_enc, paydate)
  VALUES (:agentnum, 'Bench', 'User', '', '217-555-0100', 'CARD', 'Bench User', '411111xxxxxx1111',
          '\x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b'::bytea,
          DATE '2030-12-31')
  RETURNING custnum \gset
INSERT INTO cust_location (custnum, address1, address2, city, state, zip, country)
  VALUES (:custnum, '1 Test Street', '', 'Springfield', 'IL', '62701', 'US');
INSERT INTO cust_main_invoice (custnum, dest) VALUES (:custnum, 'pgbench@example.com');
INSERT INTO cust_pkg (custnum, pkgpart, setup, bill) VALUES (:custnum, :pkgpart, now(), now() + interval '1 month')
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
