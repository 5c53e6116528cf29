package net.fsgateway.bus;

import io.vertx.core.eventbus.EventBus;
import net.fsgateway.dispatch.CallRequest;
import net.fsgateway.xmlrpc.MethodResponse;

/**
 * The only place event-bus codecs are registered, once per Vert.x instance: registering a default codec twice
 * throws, and the HTTP verticle runs in several instances.
 */
public final class Codecs {
  private Codecs() {
  }

  public static void registerAll(EventBus bus) {
    register(bus, CallRequest.class);
    register(bus, MethodResponse.Success.class);
    register(bus, MethodResponse.Fault.class);
    register(bus, MethodResponse.Streamed.class);
  }

  private static <T> void register(EventBus bus, Class<T> type) {
    bus.registerDefaultCodec(type, new LocalCodec<>(type));
  }
}
