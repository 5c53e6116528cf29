package net.fsgateway.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.util.function.Function;
import java.util.function.Supplier;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** The body of one method: a call in, its result out. A failed future becomes a fault through {@link Failures}. */
@FunctionalInterface
public interface MethodHandler {
  Future<XmlRpcValue> handle(CallRequest call);

  /** A handler whose answer may be a {@link MethodResponse.Streamed}; {@link #handle} reads it whole. */
  static MethodHandler streamed(Function<CallRequest, Future<MethodResponse>> body) {
    return new Streaming(body);
  }

  /** A handler whose answer may be a {@link MethodResponse.Streamed}: {@link #answer} takes it as it comes. */
  final class Streaming implements MethodHandler {
    private final Function<CallRequest, Future<MethodResponse>> body;

    private Streaming(Function<CallRequest, Future<MethodResponse>> body) {
      this.body = body;
    }

    @Override
    public Future<XmlRpcValue> handle(CallRequest call) {
      return body.apply(call).compose(StreamedAnswers::whole).map(r -> ((MethodResponse.Success) r).value());
    }

    Future<MethodResponse> respond(CallRequest call) {
      return body.apply(call);
    }
  }

  /**
   * Runs the handler and hands its response to {@code then}, every outcome (a failure, a throw) turned into one;
   * one listener on the handler's future, with no intermediate future.
   */
  static void answer(String method, MethodHandler handler, CallRequest call, Handler<MethodResponse> then) {
    if (handler instanceof Streaming streaming) {
      started(() -> streaming.respond(call)).onComplete((response, failure) ->
          then.handle(failure == null ? response : Failures.toFault(method, failure)));
      return;
    }
    // A plain handler's value is wrapped here, in the one listener, rather than by a map: one future less a call.
    started(() -> handler.handle(call)).onComplete((value, failure) ->
        then.handle(failure == null ? new MethodResponse.Success(value) : Failures.toFault(method, failure)));
  }

  /** The body's future, or a failed one if it throws instead. */
  private static <T> Future<T> started(Supplier<Future<T>> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
