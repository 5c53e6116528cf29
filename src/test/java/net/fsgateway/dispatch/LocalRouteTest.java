package net.fsgateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.MethodResponse.Fault;
import net.fsgateway.xmlrpc.MethodResponse.Success;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** In-process calls keep the bus's guarantees: every outcome is a response, and nothing waits past its timeout. */
@Timeout(30)
class LocalRouteTest {
  private static final MethodSpec SPEC = MethodSpec.reseller("agent_info", "test");
  private static final CallRequest CALL = new CallRequest("agent_info", List.of(XStruct.builder().build()), "127.0.0.1");

  private final Vertx vertx = Vertx.vertx();
  private final LocalRoute route = new LocalRoute(vertx);

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aHandlersResultIsTheAnswer() throws Exception {
    route.register("agent_info", call -> Future.succeededFuture(Replies.ok().build()));
    assertThat(call(100)).isInstanceOf(Success.class);
  }

  @Test
  void aCallThatOutlivesItsTimeoutIsAnsweredBusyAndItsLateResultIsDropped() throws Exception {
    Promise<XmlRpcValue> never = Promise.promise();
    route.register("agent_info", call -> never.future());
    long started = System.nanoTime();
    MethodResponse answer = call(200);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(150L, 5_000L);
    assertThat(answer).isEqualTo(new Fault(FaultCode.SERVER_BUSY.code(), "agent_info timed out, try again later"));
    never.complete(Replies.ok().build());
  }

  @Test
  void aThrowingHandlerIsAnInternalErrorWithNothingOfTheException() throws Exception {
    route.register("agent_info", call -> {
      throw new IllegalStateException("secret detail");
    });
    assertThat(call(100)).isEqualTo(new Fault(FaultCode.INTERNAL_ERROR.code(), "internal error"));
  }

  @Test
  void aMethodWithoutHandlerIsUnavailableAndARegistrationTwiceIsRefused() throws Exception {
    assertThat(call(100)).isEqualTo(new Fault(FaultCode.SERVER_BUSY.code(), "agent_info is not available right now"));
    assertThat(route.register("x", call -> Future.succeededFuture(Replies.ok().build())).succeeded()).isTrue();
    assertThat(route.register("x", call -> Future.succeededFuture(Replies.ok().build())).failed()).isTrue();
  }

  private MethodResponse call(int timeoutMs) throws Exception {
    return onLoop(() -> route.call(SPEC, CALL, timeoutMs)).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private <T> T onLoop(Supplier<T> task) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    vertx.runOnContext(ignored -> result.complete(task.get()));
    return result.get(5, TimeUnit.SECONDS);
  }
}
