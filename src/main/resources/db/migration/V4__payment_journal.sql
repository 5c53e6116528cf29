-- Every payment attempt of a signup, written before the processor is called and advanced after each step
-- (new -> authorized -> captured | voided; or declined / failed), as Freeside's cust_pay_pending. The sweeper
-- settles attempts left in 'new' or 'authorized' by a crash: capture when the customer committed (a cust_pay
-- row carries the reference), void when not. No card data here: the reference is the processor's.
CREATE TABLE payment_journal (
  attempt_id bigserial     PRIMARY KEY,
  agentnum   bigint        NOT NULL,
  processor  text          NOT NULL,
  payby      text          NOT NULL,
  amount     numeric(10,2) NOT NULL CHECK (amount > 0),
  reference  text          NOT NULL DEFAULT '',
  state      text          NOT NULL DEFAULT 'new'
                           CHECK (state IN ('new', 'authorized', 'captured', 'voided', 'declined', 'failed')),
  detail     text          NOT NULL DEFAULT '',
  created_at timestamptz   NOT NULL DEFAULT now(),
  updated_at timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX payment_journal_open_idx ON payment_journal (processor, updated_at) WHERE state IN ('new', 'authorized');
-- The sweeper's test "did this authorization's customer commit?"
CREATE INDEX cust_pay_processor_ref_idx ON cust_pay (processor_ref) WHERE processor_ref <> '';

-- new_customer's idempotency_key: one row per (reseller, key) for 24 hours. The fingerprint is an HMAC of the
-- call's fields keyed by the card key (never the fields themselves: they hold card data); answer is the first
-- answer, NULL while that signup runs.
CREATE TABLE signup_idempotency (
  agentnum    bigint      NOT NULL,
  idem_key    text        NOT NULL,
  fingerprint bytea       NOT NULL,
  username    text        NOT NULL,
  answer      text,                -- the first answer as JSON text, in its member order
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agentnum, idem_key)
);
CREATE INDEX signup_idempotency_created_idx ON signup_idempotency (created_at);
