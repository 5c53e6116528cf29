package net.fsgateway.bench;

import net.fsgateway.xmlrpc.XStruct;

/**
 * A session-scoped read repeated in one logged-in session ({@code agent_info}, {@code signup_info}): the session
 * lookup plus one method's query, the pair the HTTP-plus-query floor is measured against. error must be ''.
 */
final class SessionReadScenario extends SessionScenario {
  private final String method;
  private Call call;

  SessionReadScenario(BenchSettings settings, String method) {
    super(settings);
    this.method = method;
  }

  @Override
  protected boolean needsPackage() {
    return false;
  }

  @Override
  public Call next() {
    if (call == null) {
      call = Call.of(method, XStruct.builder().put("session_id", sessionId).build(), Expectation.SUCCESS);
    }
    return call;
  }
}
