package net.fsgateway.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import net.fsgateway.xmlrpc.MethodResponse;

/**
 * Calls over the event bus to service verticles (the design card's deployment, {@code deployment.services}
 * {@code bus} or {@code worker}). Requests and replies travel by reference through local codecs.
 */
public final class BusRoute implements MethodRoute {
  private final Vertx vertx;

  public BusRoute(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<MethodResponse> call(MethodSpec spec, CallRequest request, int timeoutMs) {
    return vertx.eventBus().<MethodResponse>request(spec.address(), request, new DeliveryOptions().setSendTimeout(timeoutMs))
        .map(Message::body)
        .otherwise(failure -> Failures.toFault(spec.name(), failure));
  }

  /** The sink a service verticle registers with: one local consumer per method, answering every message. */
  public static MethodSink sink(Vertx vertx) {
    return (method, handler) -> {
      MessageConsumer<CallRequest> consumer = vertx.eventBus().localConsumer(Addresses.method(method));
      consumer.handler(message -> MethodHandler.answer(method, handler, message.body(), message::reply));
      return consumer.completion();
    };
  }
}
