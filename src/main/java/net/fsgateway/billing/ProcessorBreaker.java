package net.fsgateway.billing;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds every processor call with {@code billing.processorTimeoutMs} and puts it behind a circuit breaker:
 * after {@code billing.breaker.maxFailures} timeouts or {@link ProcessorUnavailable} failures in a row, calls fail
 * at once with {@link ProcessorUnavailable} instead of each waiting out the timeout, until
 * {@code billing.breaker.resetMs} has passed and one call gets through to try again (half-open). Answers of the
 * processor (declines, errors, refused captures) are not failures. One breaker per process.
 */
public final class ProcessorBreaker implements PaymentProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessorBreaker.class);

  private static final String SHARED = "fsgw.processor-breaker";

  private final PaymentProcessor processor;
  private final CircuitBreaker breaker;
  private final long timeoutMs;

  public ProcessorBreaker(Vertx vertx, PaymentProcessor processor, long timeoutMs, int maxFailures, long resetMs) {
    this.processor = processor;
    this.timeoutMs = timeoutMs;
    LocalMap<String, Shared> shared = vertx.sharedData().getLocalMap(SHARED);
    Shared candidate = new Shared(vertx, maxFailures, resetMs);
    Shared existing = shared.putIfAbsent("breaker", candidate);
    this.breaker = existing == null ? candidate.breaker : existing.breaker;
  }

  /**
   * One breaker per process, shared by every service instance: the processor is down for all of them at once,
   * and a per-instance breaker would let each instance wait out its own timeouts first.
   */
  private static final class Shared implements Shareable {
    private final CircuitBreaker breaker;

    Shared(Vertx vertx, int maxFailures, long resetMs) {
      this.breaker = CircuitBreaker.create("payment-processor", vertx, new CircuitBreakerOptions()
              .setMaxFailures(maxFailures).setTimeout(-1).setResetTimeout(resetMs).setNotificationAddress(null))
          .failurePolicy(ProcessorBreaker::countsAsFailure)
          .openHandler(ignored -> LOG.warn("payment processor circuit open: new charges are refused for {} ms",
              resetMs))
          .closeHandler(ignored -> LOG.info("payment processor circuit closed"));
    }
  }

  @Override
  public Future<PaymentResult> authorize(Payment payment, Charge charge) {
    return guarded(() -> processor.authorize(payment, charge));
  }

  @Override
  public Future<Void> capture(String reference, BigDecimal amount) {
    return guarded(() -> processor.capture(reference, amount));
  }

  @Override
  public Future<Void> voidAuthorization(String reference, BigDecimal amount) {
    return guarded(() -> processor.voidAuthorization(reference, amount));
  }

  @Override
  public Future<String> findAuthorization(String invoiceNumber) {
    return guarded(() -> processor.findAuthorization(invoiceNumber));
  }

  public boolean isOpen() {
    return breaker.state() == io.vertx.circuitbreaker.CircuitBreakerState.OPEN;
  }

  private <T> Future<T> guarded(Supplier<Future<T>> call) {
    return breaker.<T>execute(() -> bounded(call.get()))
        .recover(failure -> Future.failedFuture(failure instanceof io.vertx.circuitbreaker.OpenCircuitException
            ? new CircuitOpen() : failure));
  }

  /**
   * A processor that has already answered (the test processor always, a real one when it refuses at once) needs
   * no timer: setting and cancelling one per call was two timers per signup for nothing (issue 15).
   */
  private <T> Future<T> bounded(Future<T> answer) {
    return answer.isComplete() ? answer : answer.timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** The breaker refused the call: the processor was not called. */
  static final class CircuitOpen extends RuntimeException {
    CircuitOpen() {
      super("the payment processor circuit is open", null, false, false);
    }
  }

  private static boolean countsAsFailure(Future<?> outcome) {
    return outcome.failed() && (outcome.cause() instanceof TimeoutException
        || outcome.cause() instanceof ProcessorUnavailable);
  }
}
