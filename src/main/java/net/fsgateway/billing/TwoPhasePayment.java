package net.fsgateway.billing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import net.fsgateway.billing.journal.JournalState;
import net.fsgateway.billing.journal.PaymentJournal;
import net.fsgateway.ops.ProcessCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signup's charge in two phases, journalled: the attempt is written ('new', a synchronous commit) before the
 * processor is called; it turns 'authorized' in the customer's own statement ({@link SignupStore}), so the two
 * commit together or not at all; it is captured only after that commit, voided when the customer was not
 * written. A crash between any two steps leaves a journal row the {@code PaymentSweeper} settles: 'new' with an
 * authorization at the processor is voided (no customer carries it), 'authorized' is captured.
 *
 * <p>The signup is answered once the customer committed; the capture runs after the answer ({@link #settle}):
 * its outcome never changed the answer (a failed capture is the sweeper's), and with a real processor it is a
 * network round trip the reseller need not wait for. {@link #settled} lets a stopping gateway finish them.
 * The journal costs one round trip before the answer (the attempt) and one after it (captured, group-committed).
 */
final class TwoPhasePayment {
  private static final Logger LOG = LoggerFactory.getLogger(TwoPhasePayment.class);
  static final String UNAVAILABLE = "payinfo: the payment processor is unavailable, try again";
  static final String TIMED_OUT = "payinfo: the payment processor did not answer in time, try again";

  /** An approved authorization to settle; {@link #NONE} when nothing was charged (PREPAY, a zero charge). */
  record Authorization(long attemptId, String reference, BigDecimal amount) {
    static final Authorization NONE = new Authorization(0, "", BigDecimal.ZERO);
  }

  private final PaymentJournal journal;
  private final PaymentProcessor processor;
  /** Captures started and not yet done (their futures never fail). */
  private final Set<Future<Void>> settling = ConcurrentHashMap.newKeySet();

  TwoPhasePayment(PaymentJournal journal, PaymentProcessor processor) {
    this.journal = journal;
    this.processor = processor;
  }

  Future<Authorization> authorize(SignupPlan plan, SignupRequest request) {
    BigDecimal amount = plan.firstCharge();
    Payment payment = request.payment();
    // PREPAY is settled in the signup's transaction; BILL, DCRD and DCHK are billed later: nothing to authorize.
    if (payment instanceof Payment.Prepay || !payment.chargedAtSignup() || amount.signum() == 0) {
      return Future.succeededFuture(Authorization.NONE);
    }
    return journal.begin(plan.agentnum(), payment.payby(), amount)
        .compose(attempt -> {
          CrashPoints.reached(CrashPoints.AFTER_JOURNAL_NEW);
          Charge charge = new Charge(amount, Long.toString(attempt),
              Charge.Payer.of(request.customer(), request.bill()),
              request.invoicingList().isEmpty() ? "" : request.invoicingList().get(0));
          return processor.authorize(payment, charge)
              .recover(failure -> failed(attempt, failure))
              .compose(result -> {
                CrashPoints.reached(CrashPoints.AFTER_AUTHORIZE);
                return recorded(plan, attempt, amount, result);
              });
        });
  }

  /** After the customer committed: starts the capture, which the caller does not wait for. */
  void settle(Authorization auth) {
    if (auth == Authorization.NONE) {
      return;
    }
    ProcessCounters.captureStarted();
    Future<Void> capture = capture(auth);
    settling.add(capture);
    capture.onComplete(done -> {
      settling.remove(capture);
      ProcessCounters.captureEnded();
    });
  }

  /** Completes when every capture started so far has ended, or after {@code timeoutMs}. */
  Future<Void> settled(Vertx vertx, long timeoutMs) {
    List<Future<Void>> pending = List.copyOf(settling);
    if (pending.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    long timer = vertx.setTimer(timeoutMs, ignored -> {
      if (done.tryComplete()) {
        LOG.warn("{} capture(s) still running at shutdown; the sweeper will settle them", settling.size());
      }
    });
    Future.join(pending).onComplete(ignored -> {
      vertx.cancelTimer(timer);
      done.tryComplete();
    });
    return done.future();
  }

  /** Capture, then record it. A failure leaves the attempt ('authorized') to the sweeper. */
  private Future<Void> capture(Authorization auth) {
    CrashPoints.reached(CrashPoints.AFTER_COMMIT);
    // From a completed future, so a processor that throws instead of failing still ends here as a failure.
    return Future.<Void>succeededFuture()
        .compose(ignored -> processor.capture(auth.reference(), auth.amount()))
        .compose(ok -> {
          CrashPoints.reached(CrashPoints.AFTER_CAPTURE);
          return journal.captured(auth.attemptId());
        })
        .<Void>mapEmpty()
        .recover(failure -> {
          LOG.warn("payment attempt {}: capture after signup failed ({}); the sweeper will retry it",
              auth.attemptId(), failure.toString());
          return Future.succeededFuture();
        });
  }

  /** The customer was not written: void the authorization, record it, and fail with {@code failure}. */
  <T> Future<T> voidThenFail(Authorization auth, Throwable failure) {
    if (auth == Authorization.NONE) {
      return Future.failedFuture(failure);
    }
    return processor.voidAuthorization(auth.reference(), auth.amount())
        .compose(ok -> journal.advance(auth.attemptId(), JournalState.VOIDED, auth.reference(), "signup not written",
            JournalState.NEW))
        .onFailure(voidFailure -> LOG.warn("payment attempt {}: void failed ({}); the sweeper will retry it",
            auth.attemptId(), voidFailure.toString()))
        .transform(ignored -> Future.failedFuture(failure));
  }

  private Future<Authorization> recorded(SignupPlan plan, long attempt, BigDecimal amount, PaymentResult result) {
    return switch (result.outcome()) {
      // Recorded by the customer's own statement (SignupStore), not here.
      case APPROVED -> Future.succeededFuture(new Authorization(attempt, result.reference(), amount));
      case DECLINED -> {
        LOG.info("signup declined agentnum={} attempt={}: {}", plan.agentnum(), attempt, result.message());
        yield released(attempt, amount, result)
            .compose(ignored -> journal.advance(attempt, JournalState.DECLINED, result.reference(), result.message(),
                JournalState.NEW, JournalState.AUTHORIZED))
            .transform(ignored -> Future.failedFuture(SignupRejected.decline()));
      }
      case ERROR -> {
        LOG.warn("payment processor refused attempt {} agentnum={}: {}", attempt, plan.agentnum(), result.message());
        yield journal.advance(attempt, JournalState.FAILED, "", result.message(), JournalState.NEW)
            .compose(ignored -> Future.failedFuture(new SignupRejected("payinfo: payment processor: "
                + result.message())));
      }
    };
  }

  /**
   * A decline that still holds money (held for review) is journalled as authorized, then voided: if the void
   * fails, the sweeper voids it (no customer carries its reference).
   */
  private Future<Void> released(long attempt, BigDecimal amount, PaymentResult result) {
    if (result.reference().isEmpty()) {
      return Future.succeededFuture();
    }
    return journal.advance(attempt, JournalState.AUTHORIZED, result.reference(), "held for review", JournalState.NEW)
        .compose(ignored -> processor.voidAuthorization(result.reference(), amount));
  }

  /**
   * The processor did not answer. Unless the breaker kept the call from it, it may still have authorized (a late
   * answer, a dropped connection): the attempt stays 'new' for the sweeper, which looks the authorization up by
   * its invoice number and voids it.
   */
  private Future<PaymentResult> failed(long attempt, Throwable failure) {
    boolean timedOut = failure instanceof TimeoutException;
    boolean notCalled = failure instanceof ProcessorBreaker.CircuitOpen;
    String detail = timedOut ? "timed out" : failure.getMessage();
    if (!notCalled) {
      LOG.warn("payment attempt {}: the processor did not answer: {}", attempt, detail);
    }
    Future<Boolean> recorded = notCalled
        ? journal.advance(attempt, JournalState.FAILED, "", detail, JournalState.NEW)
        : journal.advance(attempt, JournalState.NEW, "", detail, JournalState.NEW);
    return recorded.transform(ignored -> Future.failedFuture(new SignupRejected(timedOut ? TIMED_OUT : UNAVAILABLE)));
  }
}
