package net.fsgateway.billing;

import io.vertx.core.Future;
import java.math.BigDecimal;

/**
 * A real-time payment processor (Freeside's Business::OnlinePayment gateway), used in two phases: authorize before
 * the customer is written, capture after the customer's transaction committed, void when it did not.
 * Implementations must not block the caller and must not log card numbers, CVVs, account numbers or credentials.
 * Callers bound every call with {@code billing.processorTimeoutMs}.
 */
public interface PaymentProcessor {
  /** Authorizes (holds) {@code charge.amount()} on a card or an echeck. A decline is a succeeded future. */
  Future<PaymentResult> authorize(Payment payment, Charge charge);

  /**
   * Captures an authorization. Capturing one already captured succeeds (a retry after a crash); a refusal fails
   * with {@link ProcessorRefusal}, an unreachable processor with {@link ProcessorUnavailable}.
   */
  Future<Void> capture(String reference, BigDecimal amount);

  /** Voids an authorization that will not be captured. Voiding one already voided succeeds. */
  Future<Void> voidAuthorization(String reference, BigDecimal amount);

  /**
   * The reference of an open authorization made for {@code invoiceNumber} (a journal attempt whose answer never
   * reached us: a crash, a timeout, a dropped connection), or '' when the processor holds none. The sweeper voids
   * what this finds.
   */
  Future<String> findAuthorization(String invoiceNumber);
}
