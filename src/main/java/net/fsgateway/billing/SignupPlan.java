package net.fsgateway.billing;

import java.math.BigDecimal;

/**
 * What the checks before payment found: the agent, the package's price and billing frequency, and the domain
 * the account goes in.
 */
record SignupPlan(long agentnum, long pkgpart, BigDecimal setupFee, BigDecimal recurFee, int freq, long domsvc) {
  /** The first charge: the setup fee plus the first period's recurring fee. */
  BigDecimal firstCharge() {
    return setupFee.add(recurFee);
  }
}
