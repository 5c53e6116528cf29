package net.fsgateway.dispatch;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** A {@link MethodService} deployed as a verticle of its own, taking its calls from the event bus. */
public final class ServiceVerticle extends VerticleBase {
  private final MethodService service;

  public ServiceVerticle(MethodService service) {
    this.service = service;
  }

  @Override
  public Future<?> start() {
    return service.start(vertx, BusRoute.sink(vertx));
  }

  @Override
  public Future<?> stop() {
    return service.stop();
  }
}
