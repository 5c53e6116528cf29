package net.fsgateway.billing;

import io.vertx.core.Future;
import java.math.BigDecimal;

/**
 * A real-time payment processor (Freeside's Business::OnlinePayment gateway). Implementations must not block
 * the caller and must not log card numbers, CVVs or account numbers. The signup flow bounds every call with
 * {@code billing.processorTimeoutMs}.
 */
public interface PaymentProcessor {
  /** Authorizes and captures {@code amount} on a card or an echeck. A decline is a succeeded future. */
  Future<PaymentResult> charge(Payment payment, BigDecimal amount);

  /** Voids (or refunds) an approved charge whose signup could not be completed. */
  Future<Void> voidCharge(String reference, BigDecimal amount);
}
