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
}
