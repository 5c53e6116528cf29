package net.fsgateway.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Function;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** How a service verticle takes the calls of a method it owns. */
public final class MethodConsumers {
  private MethodConsumers() {
  }

  /**
   * Consumes {@code method}'s calls with {@code handler}; a failed future becomes a fault through
   * {@link Failures}. The returned future completes when the consumer is registered.
   */
  public static Future<Void> register(Vertx vertx, String method, Function<CallRequest, Future<XmlRpcValue>> handler) {
    MessageConsumer<CallRequest> consumer = vertx.eventBus().localConsumer(Addresses.method(method));
    consumer.handler(message -> answer(method, handler, message));
    return consumer.completion();
  }

  private static void answer(String method, Function<CallRequest, Future<XmlRpcValue>> handler,
                             Message<CallRequest> message) {
    Future<XmlRpcValue> result;
    try {
      result = handler.apply(message.body());
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result
        .map(value -> (MethodResponse) new MethodResponse.Success(value))
        .otherwise(failure -> Failures.toFault(method, failure))
        .onSuccess(message::reply);
  }
}
