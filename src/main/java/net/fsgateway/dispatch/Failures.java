package net.fsgateway.dispatch;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodResponse.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where a Java failure becomes a client-facing fault. Nothing of the exception reaches the client. */
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
    if (isUnavailable(failure)) {
      LOG.warn("{}: backing store unavailable: {}", method, failure.toString());
      return new Fault(FaultCode.BACKEND_UNAVAILABLE, "service temporarily unavailable, try again later");
    }
    if (failure instanceof TimeoutException || isPoolBusy(failure)) {
      LOG.warn("{}: busy: {}", method, failure.toString());
      return new Fault(FaultCode.SERVER_BUSY, "server busy, try again later");
    }
    LOG.error("{}: internal error", method, failure);
    return new Fault(FaultCode.INTERNAL_ERROR, "internal error");
  }

  /** A call that did not finish within its method's timeout. */
  public static Fault timedOut(String method) {
    LOG.warn("{}: timed out", method);
    return new Fault(FaultCode.SERVER_BUSY, method + " timed out, try again later");
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

  private static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof ClosedChannelException) {
        return true;
      }
      String text = String.valueOf(t.getMessage());
      // The Redis client reports a dropped connection as CONNECTION_CLOSED, the PG client as "Connection is closed".
      if (text.contains("Connection refused") || text.contains("Connection is closed")
          || text.contains("connection closed") || text.contains("CONNECTION_CLOSED")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPoolBusy(Throwable failure) {
    String text = String.valueOf(failure.getMessage());
    return text.contains("wait queue") || text.contains("Timeout") || text.contains("timed out");
  }
}
