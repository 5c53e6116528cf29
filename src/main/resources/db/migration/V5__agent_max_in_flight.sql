-- A reseller's own limit on concurrent calls per gateway (admin agent set-limits); NULL takes the gateway's
-- limits.agentMaxInFlight. Read by every gateway every few seconds, so a change needs no restart.
ALTER TABLE agent ADD COLUMN max_in_flight integer CHECK (max_in_flight IS NULL OR max_in_flight >= 1);
