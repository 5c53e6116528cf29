package net.fsgateway.ops;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.context.storage.ContextLocal;

/**
 * The agent a call ran for, carried from the session lookup to the access line in the call's own (duplicated)
 * Vert.x context, so no method signature has to carry it. Vert.x requires context locals to be registered before
 * the first Vert.x instance exists: it loads this class as a service provider (META-INF/services) when it builds
 * one. With co-located services (the default) the lookup runs in the request's context; over the event bus it does
 * not, and the access line shows {@code agent=-}.
 */
public final class CallAgent implements VertxServiceProvider {
  private static final ContextLocal<Long> AGENT = ContextLocal.registerLocal(Long.class);

  /** Remembers the agent in the current call's context (nothing outside a request's context); returns it. */
  public static long remember(long agentnum) {
    Context context = Vertx.currentContext();
    if (context != null && isDuplicate(context)) {
      context.putLocal(AGENT, agentnum);
    }
    return agentnum;
  }

  /** The agent remembered in {@code context}, or -1. */
  static long get(Context context) {
    if (context == null || !isDuplicate(context)) {
      return -1;
    }
    Long agent = context.getLocal(AGENT);
    return agent == null ? -1 : agent;
  }

  private static boolean isDuplicate(Context context) {
    return context instanceof io.vertx.core.internal.ContextInternal internal && internal.isDuplicate();
  }

  @Override
  public void init(VertxBootstrap builder) {
    // Nothing to configure: loading this class registered the context local.
  }
}
