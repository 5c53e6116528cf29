package net.fsgateway.bench;

import io.vertx.core.Future;
import net.fsgateway.xmlrpc.XStruct;

/**
 * The same pre-encoded check_username body every time, without a login: the request the HTTP floor server answers
 * with its canned struct, so the floor costs the driver nothing but HTTP.
 */
final class CannedScenario implements Scenario {
  private final Call call = Call.of("check_username", XStruct.builder().put("session_id", "canned")
      .put("username", "canned").put("domain", "example.net").build(), Expectation.SUCCESS);

  @Override
  public Future<Void> setUp(RpcClient client) {
    return Future.succeededFuture();
  }

  @Override
  public Call next() {
    return call;
  }

  @Override
  public Future<Void> tearDown(RpcClient client) {
    return Future.succeededFuture();
  }
}
