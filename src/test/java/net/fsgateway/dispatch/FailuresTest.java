package net.fsgateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodResponse.Fault;
import org.junit.jupiter.api.Test;

/** Every Java failure becomes a fault with an interop code, and nothing of the exception reaches the client. */
class FailuresTest {

  @Test
  void callFailureKeepsItsCodeAndMessage() {
    Fault fault = Failures.toFault("m", CallFailure.invalidParams("zip must be a scalar value"));
    assertThat(fault.code()).isEqualTo(FaultCode.INVALID_PARAMS.code());
    assertThat(fault.message()).isEqualTo("zip must be a scalar value");
  }

  @Test
  void busTimeoutAndMissingHandlerAreServerBusy() {
    assertThat(Failures.toFault("check_username", new ReplyException(ReplyFailure.TIMEOUT, "t")).code())
        .isEqualTo(FaultCode.SERVER_BUSY.code());
    assertThat(Failures.toFault("check_username", new ReplyException(ReplyFailure.NO_HANDLERS, "n")).code())
        .isEqualTo(FaultCode.SERVER_BUSY.code());
    assertThat(Failures.toFault("m", new TimeoutException("slow")).code()).isEqualTo(FaultCode.SERVER_BUSY.code());
  }

  @Test
  void unreachableOrDroppedBackendIsUnavailable() {
    assertThat(Failures.toFault("m", new VertxException(new ConnectException("Connection refused"))).code())
        .isEqualTo(FaultCode.BACKEND_UNAVAILABLE.code());
    assertThat(Failures.toFault("m", new VertxException("CONNECTION_CLOSED", true)).code())
        .isEqualTo(FaultCode.BACKEND_UNAVAILABLE.code());
  }

  @Test
  void anythingElseIsAnInternalErrorThatSaysNothingOfTheException() {
    Fault fault = Failures.toFault("m", new IllegalStateException("secret detail: card 4111111111111111"));
    assertThat(fault.code()).isEqualTo(FaultCode.INTERNAL_ERROR.code());
    assertThat(fault.message()).isEqualTo("internal error");
  }

  @Test
  void driverFailuresAreClassifiedByCauseAndNeverLoggedAsErrors() {
    try (net.fsgateway.support.LogCapture capture = new net.fsgateway.support.LogCapture()) {
      assertThat(Failures.toFault("m", new io.vertx.pgclient.PgException("terminating connection due to administrator command",
          "FATAL", "57P01", null)).code()).isEqualTo(FaultCode.BACKEND_UNAVAILABLE.code());
      assertThat(Failures.toFault("m", new io.vertx.pgclient.PgException("the database system is shutting down",
          "FATAL", "57P03", null)).code()).isEqualTo(FaultCode.BACKEND_UNAVAILABLE.code());
      assertThat(Failures.toFault("m", new io.vertx.pgclient.PgException("canceling statement due to statement timeout",
          "ERROR", "57014", null)).code()).isEqualTo(FaultCode.SERVER_BUSY.code());
      assertThat(Failures.toFault("m", io.vertx.sqlclient.ClosedConnectionException.INSTANCE).code())
          .isEqualTo(FaultCode.BACKEND_UNAVAILABLE.code());
      // seen from the pipelined client when pg_terminate_backend ends its connection under queued statements
      assertThat(Failures.toFault("m", new VertxException(
          "Pending requests failed to be sent due to connection has been closed.", true)).code())
          .isEqualTo(FaultCode.BACKEND_UNAVAILABLE.code());
      assertThat(Failures.toFault("m", new IllegalStateException("Pool closed")).code())
          .isEqualTo(FaultCode.BACKEND_UNAVAILABLE.code());
      assertThat(Failures.toFault("m", new io.vertx.core.impl.NoStackTraceTimeoutException("Timeout waiting for connection"))
          .code()).isEqualTo(FaultCode.SERVER_BUSY.code());
      assertThat(capture.events()).noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR);
    }
  }
}
