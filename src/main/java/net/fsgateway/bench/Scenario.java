package net.fsgateway.bench;

import io.vertx.core.Future;
import net.fsgateway.xmlrpc.MethodResponse;

/**
 * What a run sends. All methods are called on the driver's single context, so implementations keep plain state.
 */
public interface Scenario {

  /** Logs in, looks up packages...: done once before the clock starts. */
  Future<Void> setUp(RpcClient client);

  /** The next request to send. */
  Call next();

  /** Sees every decoded answer (measured or not), e.g. to remember a created username. */
  default void answered(Call call, MethodResponse response) {
  }

  /** Logs out; done once after the clock stops. */
  Future<Void> tearDown(RpcClient client);
}
