-- Freeside-shaped schema for the reseller gateway (see DESIGN.md "Data").
-- svcnum is one sequence for every service table, as Freeside's cust_svc numbering is.

CREATE SEQUENCE svcnum_seq;

CREATE TABLE agent (
  agentnum      bigserial PRIMARY KEY,
  agent         text        NOT NULL,
  username      text        NOT NULL,
  password_hash text        NOT NULL,
  disabled      boolean     NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agent_username_key ON agent (lower(username));

-- A domain that accounts are created in. agentnum NULL: every agent may use it; otherwise only that agent.
CREATE TABLE svc_domain (
  svcnum   bigint PRIMARY KEY DEFAULT nextval('svcnum_seq'),
  domain   text   NOT NULL,
  agentnum bigint REFERENCES agent
);
CREATE UNIQUE INDEX svc_domain_domain_key ON svc_domain (lower(domain));

CREATE TABLE part_pkg (
  pkgpart        bigserial PRIMARY KEY,
  pkg            text          NOT NULL,
  setup_fee      numeric(10,2) NOT NULL DEFAULT 0 CHECK (setup_fee >= 0),
  recur_fee      numeric(10,2) NOT NULL DEFAULT 0 CHECK (recur_fee >= 0),
  freq           integer       NOT NULL DEFAULT 1 CHECK (freq >= 0), -- months between charges; 0 = one-time
  default_domsvc bigint REFERENCES svc_domain,
  disabled       boolean       NOT NULL DEFAULT false
);

-- What an agent may sell.
CREATE TABLE agent_pkg (
  agentnum bigint NOT NULL REFERENCES agent,
  pkgpart  bigint NOT NULL REFERENCES part_pkg,
  PRIMARY KEY (agentnum, pkgpart)
);

CREATE TABLE cust_main (
  custnum     bigserial PRIMARY KEY,
  agentnum    bigint      NOT NULL REFERENCES agent,
  first       text        NOT NULL,
  last        text        NOT NULL,
  company     text        NOT NULL DEFAULT '',
  daytime     text        NOT NULL DEFAULT '',
  night       text        NOT NULL DEFAULT '',
  fax         text        NOT NULL DEFAULT '',
  payby       text        NOT NULL CHECK (payby IN ('CARD', 'CHEK', 'PREPAY')),
  payname     text        NOT NULL DEFAULT '',
  paymask     text        NOT NULL DEFAULT '',  -- display form only: first 6 / last 4 of a card, last 4 of an account
  payinfo_enc bytea,                            -- AES-GCM ciphertext of payinfo; never the clear number
  paydate     date,                             -- card expiry (last day of the month)
  signupdate  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cust_main_agentnum_idx ON cust_main (agentnum);
CREATE INDEX cust_main_last_idx ON cust_main (agentnum, lower(last));
CREATE INDEX cust_main_company_idx ON cust_main (agentnum, lower(company));

CREATE TABLE cust_location (
  locationnum bigserial PRIMARY KEY,
  custnum     bigint NOT NULL REFERENCES cust_main ON DELETE CASCADE,
  address1    text   NOT NULL,
  address2    text   NOT NULL DEFAULT '',
  city        text   NOT NULL,
  state       text   NOT NULL,
  zip         text   NOT NULL,
  country     text   NOT NULL
);
CREATE INDEX cust_location_custnum_idx ON cust_location (custnum);

CREATE TABLE cust_main_invoice (
  destnum bigserial PRIMARY KEY,
  custnum bigint NOT NULL REFERENCES cust_main ON DELETE CASCADE,
  dest    text   NOT NULL
);
CREATE INDEX cust_main_invoice_custnum_idx ON cust_main_invoice (custnum);

CREATE TABLE cust_pkg (
  pkgnum  bigserial PRIMARY KEY,
  custnum bigint      NOT NULL REFERENCES cust_main ON DELETE CASCADE,
  pkgpart bigint      NOT NULL REFERENCES part_pkg,
  setup   timestamptz,
  bill    timestamptz,
  susp    timestamptz,
  cancel  timestamptz
);
CREATE INDEX cust_pkg_custnum_idx ON cust_pkg (custnum);

CREATE TABLE svc_acct (
  svcnum          bigint PRIMARY KEY DEFAULT nextval('svcnum_seq'),
  pkgnum          bigint NOT NULL REFERENCES cust_pkg ON DELETE CASCADE,
  username        text   NOT NULL,
  domsvc          bigint NOT NULL REFERENCES svc_domain,
  password_scheme text   NOT NULL,
  password_hash   text   NOT NULL
);
-- One account per username@domain, case-insensitively: the database, not the application, decides races.
CREATE UNIQUE INDEX svc_acct_username_domsvc_key ON svc_acct (lower(username), domsvc);
CREATE INDEX svc_acct_pkgnum_idx ON svc_acct (pkgnum);

CREATE TABLE prepay_credit (
  prepaynum       bigserial PRIMARY KEY,
  identifier      text          NOT NULL,
  amount          numeric(10,2) NOT NULL CHECK (amount >= 0),
  agentnum        bigint REFERENCES agent,   -- NULL: any agent's customer may redeem it
  used_by_custnum bigint REFERENCES cust_main ON DELETE SET NULL,
  used_at         timestamptz
);
CREATE UNIQUE INDEX prepay_credit_identifier_key ON prepay_credit (lower(identifier));

CREATE TABLE cust_bill (
  invnum  bigserial PRIMARY KEY,
  custnum bigint        NOT NULL REFERENCES cust_main ON DELETE CASCADE,
  charged numeric(10,2) NOT NULL,
  billed  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX cust_bill_custnum_idx ON cust_bill (custnum);

CREATE TABLE cust_pay (
  paynum        bigserial PRIMARY KEY,
  custnum       bigint        NOT NULL REFERENCES cust_main ON DELETE CASCADE,
  invnum        bigint REFERENCES cust_bill ON DELETE CASCADE,
  paid          numeric(10,2) NOT NULL,
  payby         text          NOT NULL,
  processor_ref text          NOT NULL DEFAULT '',
  paid_at       timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX cust_pay_custnum_idx ON cust_pay (custnum);

CREATE TABLE cust_credit (
  crednum   bigserial PRIMARY KEY,
  custnum   bigint        NOT NULL REFERENCES cust_main ON DELETE CASCADE,
  amount    numeric(10,2) NOT NULL,
  reason    text          NOT NULL,
  credited  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX cust_credit_custnum_idx ON cust_credit (custnum);

-- Who did what and when: signups, suspensions, unsuspensions.
CREATE TABLE audit_log (
  id       bigserial PRIMARY KEY,
  at       timestamptz NOT NULL DEFAULT now(),
  agentnum bigint      NOT NULL REFERENCES agent,
  action   text        NOT NULL,
  custnum  bigint,
  pkgnum   bigint,
  svcnum   bigint,
  detail   text        NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_agentnum_idx ON audit_log (agentnum, at);
