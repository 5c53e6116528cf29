package net.fsgateway.billing;

import java.math.BigDecimal;

/**
 * What the checks before payment found: the agent, the package's price and billing frequency, the domain the
 * account goes in, the advertising source, and the registration code to consume (null: none).
 */
record SignupPlan(long agentnum, long pkgpart, BigDecimal setupFee, BigDecimal recurFee, int freq, long domsvc,
                  long refnum, Long regCodenum) {
  /** The first charge: the setup fee plus the first period's recurring fee. */
  BigDecimal firstCharge() {
    return setupFee.add(recurFee);
  }
}
