package net.fsgateway.session;

import io.vertx.core.Future;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.ops.CallAgent;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * {@code agent_login} and {@code agent_logout} with Freeside's answers. A wrong password, an unknown username and
 * a disabled agent all get "Incorrect password.", so the answer never tells which usernames exist.
 */
public final class SessionService {
  public static final String MISSING_CREDENTIALS = "Must specify your reseller username and password.";
  public static final String INCORRECT_PASSWORD = "Incorrect password.";

  private final AgentRepository agents;
  private final PasswordCheck passwords;
  private final SessionStore store;
  private final LoginThrottle throttle;
  private final LogoutBarrier barrier;

  SessionService(AgentRepository agents, PasswordCheck passwords, SessionStore store, LoginThrottle throttle,
                 LogoutBarrier barrier) {
    this.agents = agents;
    this.passwords = passwords;
    this.store = store;
    this.throttle = throttle;
    this.barrier = barrier;
  }

  /**
   * {username, password} → {error, session_id}; session_id is '' on every error, as the spec says. A locked-out
   * username or address is answered {@link LoginThrottle#TOO_MANY_FAILURES} before any hashing.
   */
  public Future<XmlRpcValue> login(XStruct params, String clientAddress) {
    String username = Fields.trimmed(params, "username");
    // The password is taken exactly as sent: leading or trailing spaces may be part of it.
    String password = Fields.text(params, "password");
    if (username.isEmpty() || password.isEmpty()) {
      return Future.succeededFuture(loginError(MISSING_CREDENTIALS));
    }
    return throttle.admit(username, clientAddress)
        .compose(attempt -> attempt.refused()
            ? Future.succeededFuture(loginError(LoginThrottle.TOO_MANY_FAILURES))
            : check(attempt, username, password));
  }

  private Future<XmlRpcValue> check(LoginThrottle.Attempt attempt, String username, String password) {
    return agents.byUsername(username)
        .compose(agent -> passwords.verify(agent, password))
        .compose(agentnum -> agentnum.isPresent()
            ? throttle.succeeded(attempt).compose(ignored -> store.create(CallAgent.remember(agentnum.get())))
                .map(SessionService::loggedIn)
            : throttle.failed(attempt).map(ignored -> loginError(INCORRECT_PASSWORD)));
  }

  /**
   * {session_id} → {error}. As Freeside's agent_logout: only a missing session id is "Can't resume session"; an
   * unknown or expired one answers '' like a live one, so a retried logout succeeds. A deleted session is answered
   * once every gateway's session caches have dropped it ({@link LogoutBarrier}).
   */
  public Future<XmlRpcValue> logout(XStruct params) {
    String sessionId = Fields.trimmed(params, "session_id");
    if (sessionId.isEmpty()) {
      return Future.succeededFuture(Replies.error(AgentSessions.CANT_RESUME));
    }
    return store.delete(sessionId)
        .compose(deleted -> deleted ? barrier.await().map(Replies.ok().build())
            : Future.succeededFuture(Replies.ok().build()));
  }

  private static XmlRpcValue loggedIn(String sessionId) {
    return Replies.ok().put("session_id", sessionId).build();
  }

  private static XmlRpcValue loginError(String message) {
    return XStruct.builder().put("error", message).put("session_id", "").build();
  }
}
