package net.fsgateway.bench;

import io.vertx.core.Future;

/**
 * agent_login with the right password, again and again: the slow-hash load. Run it open-loop at a low rate beside
 * another scenario to see whether logins move the other methods' latency. Each login opens a session that
 * expires on its own after the session TTL.
 */
final class LoginScenario implements Scenario {
  private final Call call;

  LoginScenario(BenchSettings settings) {
    this.call = AgentSession.loginCall(settings.username(), settings.password());
  }

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
