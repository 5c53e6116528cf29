package net.fsgateway.bench;

import io.vertx.core.Future;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XStruct;

/** Login, logout and their calls, shared by the scenarios that need a reseller session. */
final class AgentSession {
  private AgentSession() {
  }

  static Call loginCall(String username, String password) {
    return Call.of("agent_login", XStruct.builder().put("username", username).put("password", password).build(),
        Expectation.SUCCESS);
  }

  static Call logoutCall(String sessionId) {
    return Call.of("agent_logout", XStruct.builder().put("session_id", sessionId).build(), Expectation.SUCCESS);
  }

  /** The session_id of a successful login answer, or "" for anything else. */
  static String sessionId(MethodResponse response) {
    if (!Expectation.wellFormed(response) || !Expectation.errorOf(response).isEmpty()) {
      return "";
    }
    XStruct struct = (XStruct) ((MethodResponse.Success) response).value();
    return Scalars.text(struct.get("session_id")).orElse("");
  }

  static Future<String> login(RpcClient client, String username, String password) {
    return client.send(loginCall(username, password).body()).compose(response -> {
      String id = sessionId(response);
      return id.isEmpty()
          ? Future.failedFuture("agent_login as '" + username + "' failed: " + Expectation.errorOf(response))
          : Future.succeededFuture(id);
    });
  }

  static Future<Void> logout(RpcClient client, String sessionId) {
    return client.send(logoutCall(sessionId).body()).compose(response -> Expectation.errorOf(response).isEmpty()
        ? Future.succeededFuture()
        : Future.failedFuture("agent_logout failed: " + Expectation.errorOf(response)));
  }
}
