-- How much of a credit (e.g. a redeemed prepaid card) was applied to which invoice, as Freeside's
-- cust_credit_bill. Versioned 2.1 so it sorts after V1 without claiming V2, which another branch may take.
CREATE TABLE cust_credit_bill (
  creditbillnum bigserial PRIMARY KEY,
  crednum       bigint        NOT NULL REFERENCES cust_credit ON DELETE CASCADE,
  invnum        bigint        NOT NULL REFERENCES cust_bill ON DELETE CASCADE,
  amount        numeric(10,2) NOT NULL CHECK (amount > 0),
  applied       timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX cust_credit_bill_crednum_idx ON cust_credit_bill (crednum);
CREATE INDEX cust_credit_bill_invnum_idx ON cust_credit_bill (invnum);
