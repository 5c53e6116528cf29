package net.fsgateway.dispatch;

import io.vertx.core.Future;

/** Where a service registers the methods it owns: the event bus, or the calling HTTP verticle itself. */
@FunctionalInterface
public interface MethodSink {
  /** Completes when calls to {@code method} can reach {@code handler}. */
  Future<Void> register(String method, MethodHandler handler);
}
