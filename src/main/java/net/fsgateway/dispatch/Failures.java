package net.fsgateway.dispatch;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.Optional;
import net.fsgateway.resilience.BackendFailure;
import net.fsgateway.resilience.FailureCause;
import net.fsgateway.resilience.FailureClassifier;
import net.fsgateway.resilience.FailureClassifier.Backend;
import net.fsgateway.resilience.FailureLog;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodResponse.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a Java failure becomes a client-facing fault. Nothing of the exception reaches the client.
 * A backend condition ({@link FailureClassifier}) is a retryable -32001 or -32003, logged at WARN without a stack
 * trace and rate-limited per cause ({@link FailureLog}); anything else is our bug: -32603 and ERROR with its trace.
 */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private Failures() {
  }

  public static Fault toFault(String method, Throwable failure) {
    if (failure instanceof CallFailure call) {
      return call.toFault();
    }
    if (failure instanceof ReplyException reply) {
      return fromReply(method, reply);
    }
    Optional<FailureCause> cause = FailureClassifier.classify(Backend.UNKNOWN, failure);
    if (cause.isPresent()) {
      return fault(cause.get(), method, failure instanceof BackendFailure ? failure.getMessage() : failure.toString());
    }
    LOG.error("{}: internal error", method, failure);
    return new Fault(FaultCode.INTERNAL_ERROR, "internal error");
  }

  /** A call that did not finish within its method's timeout. */
  public static Fault timedOut(String method) {
    FailureLog.shared().record(FailureCause.CALL_TIMEOUT, method, "no answer within the call timeout");
    return new Fault(FaultCode.SERVER_BUSY, method + " timed out, try again later");
  }

  /** The fault of a classified failure, counted and logged (rate-limited) under its cause. */
  public static Fault fault(FailureCause cause, String method, String detail) {
    FailureLog.shared().record(cause, method, detail);
    return new Fault(cause.code(), cause.clientMessage());
  }

  private static Fault fromReply(String method, ReplyException reply) {
    ReplyFailure type = reply.failureType();
    if (type == ReplyFailure.TIMEOUT) {
      return timedOut(method);
    }
    if (type == ReplyFailure.NO_HANDLERS) {
      return new Fault(FaultCode.SERVER_BUSY, method + " is not available right now");
    }
    return new Fault(reply.failureCode(), "internal error");
  }
}
