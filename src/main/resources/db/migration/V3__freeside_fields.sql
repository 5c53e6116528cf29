-- The customer fields Freeside keeps (cust_main, cust_location, svc_acct), its advertising sources
-- (part_referral), the locations customers may have (cust_main_county), promotional and registration codes
-- (part_pkg.promo_code, reg_code, reg_code_pkg) and the payment types that need no real-time charge.

-- BILL (invoice later), DCRD/DCHK (card/check details kept for on-demand billing) join CARD, CHEK, PREPAY.
ALTER TABLE cust_main DROP CONSTRAINT cust_main_payby_check;
ALTER TABLE cust_main ADD CONSTRAINT cust_main_payby_check
  CHECK (payby IN ('CARD', 'CHEK', 'PREPAY', 'BILL', 'DCRD', 'DCHK'));

-- Advertising sources. agentnum NULL: every agent's customers may name it; otherwise only that agent's.
CREATE TABLE part_referral (
  refnum   bigserial PRIMARY KEY,
  referral text    NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  agentnum bigint REFERENCES agent,
  title    text    NOT NULL DEFAULT ''
);
CREATE INDEX part_referral_agentnum_idx ON part_referral (agentnum);
-- refnum 1 is billing.defaultRefnum's default, as Freeside's signup_server-default_refnum names one source.
INSERT INTO part_referral (refnum, referral) VALUES (1, 'Direct');
SELECT setval('part_referral_refnum_seq', (SELECT max(refnum) FROM part_referral));

ALTER TABLE cust_location
  ADD COLUMN locationname text NOT NULL DEFAULT '',
  ADD COLUMN county       text NOT NULL DEFAULT '';

ALTER TABLE cust_main
  ADD COLUMN mobile           text   NOT NULL DEFAULT '',
  ADD COLUMN comments         text   NOT NULL DEFAULT '',
  ADD COLUMN refnum           bigint REFERENCES part_referral,
  ADD COLUMN referral_custnum bigint REFERENCES cust_main ON DELETE SET NULL,
  ADD COLUMN stateid          text   NOT NULL DEFAULT '',
  ADD COLUMN stateid_state    text   NOT NULL DEFAULT '',
  ADD COLUMN ss_enc           bytea,                       -- AES-GCM ciphertext of the SSN, as payinfo_enc
  ADD COLUMN ss_mask          text   NOT NULL DEFAULT '',  -- display form only: xxx-xx-1234
  ADD COLUMN locale           text   NOT NULL DEFAULT '',
  -- Deferred: the customer and its locations reference each other and are written by one statement.
  ADD COLUMN bill_locationnum bigint REFERENCES cust_location DEFERRABLE INITIALLY DEFERRED,
  ADD COLUMN ship_locationnum bigint REFERENCES cust_location DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX cust_main_referral_custnum_idx ON cust_main (referral_custnum);

-- Customers signed up before this migration: their only location is both.
UPDATE cust_main c SET bill_locationnum = l.locationnum, ship_locationnum = l.locationnum
  FROM (SELECT DISTINCT ON (custnum) custnum, locationnum FROM cust_location ORDER BY custnum, locationnum) l
  WHERE l.custnum = c.custnum;

ALTER TABLE svc_acct ADD COLUMN sec_phrase text NOT NULL DEFAULT '';

-- promo_code: a promotional code that selects this package (case-insensitively, as Freeside's ILIKE).
-- paybys: the payment types this package may be bought with; NULL = every type billing.paybys allows.
ALTER TABLE part_pkg
  ADD COLUMN promo_code text,
  ADD COLUMN paybys     text[];
CREATE INDEX part_pkg_promo_code_idx ON part_pkg (lower(promo_code)) WHERE promo_code IS NOT NULL;

-- Registration codes: created for an agent and some packages, consumed (deleted) by the one signup that uses it.
CREATE TABLE reg_code (
  codenum  bigserial PRIMARY KEY,
  code     text   NOT NULL,
  agentnum bigint NOT NULL REFERENCES agent
);
CREATE UNIQUE INDEX reg_code_agentnum_code_key ON reg_code (agentnum, lower(code));

CREATE TABLE reg_code_pkg (
  codepkgnum bigserial PRIMARY KEY,
  codenum    bigint NOT NULL REFERENCES reg_code ON DELETE CASCADE,
  pkgpart    bigint NOT NULL REFERENCES part_pkg,
  UNIQUE (codenum, pkgpart)
);

-- The locations customers may have, shaped as Freeside's cust_main_county (without its tax columns): a country
-- with a row whose state is '' takes any state; otherwise the state must be one of its rows.
CREATE TABLE cust_main_county (
  taxnum  bigserial PRIMARY KEY,
  county  text NOT NULL DEFAULT '',
  state   text NOT NULL DEFAULT '',
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$')
);
CREATE UNIQUE INDEX cust_main_county_key ON cust_main_county (country, state, county);

INSERT INTO cust_main_county (country, state)
SELECT 'US', s FROM unnest(ARRAY['AL','AK','AZ','AR','CA','CO','CT','DE','DC','FL','GA','HI','ID','IL','IN','IA',
  'KS','KY','LA','ME','MD','MA','MI','MN','MS','MO','MT','NE','NV','NH','NJ','NM','NY','NC','ND','OH','OK','OR','PA',
  'RI','SC','SD','TN','TX','UT','VT','VA','WA','WV','WI','WY','PR','VI','GU','AS','MP','AA','AE','AP']) s
UNION ALL
SELECT 'CA', s FROM unnest(ARRAY['AB','BC','MB','NB','NL','NS','NT','NU','ON','PE','QC','SK','YT']) s
UNION ALL
SELECT c, '' FROM unnest(ARRAY['GB','IE','DE','FR','NL','BE','ES','IT','SE','NO','DK','FI','CH','AT','NZ','JP']) c;
