package net.fsgateway.bench;

/** How one answer counts: success, an error the scenario provoked on purpose, or a failure of the run. */
public enum Verdict {
  OK,
  EXPECTED_ERROR,
  UNEXPECTED
}
