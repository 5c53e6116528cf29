package net.fsgateway.bench;

import io.vertx.core.Future;
import net.fsgateway.xmlrpc.XStruct;

/**
 * The same pre-encoded call every time, with nothing to set up: {@link #canned()} for the HTTP floor (the request
 * the floor server answers without parsing), {@link #logins} for the slow-hash load of agent_login.
 */
final class FixedCallScenario implements Scenario {
  private final Call call;

  private FixedCallScenario(Call call) {
    this.call = call;
  }

  /** check_username without a login: against the floor server it costs the driver nothing but HTTP. */
  static Scenario canned() {
    return new FixedCallScenario(Call.of("check_username", XStruct.builder().put("session_id", "canned")
        .put("username", "canned").put("domain", "example.net").build(), Expectation.SUCCESS));
  }

  /**
   * agent_login with the right password, again and again. Run it open-loop at a low rate beside another scenario
   * to see whether logins move the other methods' latency; each session expires on its own after the TTL.
   */
  static Scenario logins(BenchSettings settings) {
    return new FixedCallScenario(AgentSession.loginCall(settings.username(), settings.password()));
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
