package net.fsgateway.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A group of methods with the clients they share (PostgreSQL, Redis, worker pools), started on the calling
 * Vert.x context: inside a service verticle of its own, or inside an HTTP verticle when co-located.
 */
public interface MethodService {
  /** Opens the clients on the current context and registers every method with {@code sink}. */
  Future<Void> start(Vertx vertx, MethodSink sink);

  /** Closes what {@link #start} opened; safe to call after a failed or partial start. */
  Future<Void> stop();
}
