package net.fsgateway.session;

import io.vertx.core.Future;
import java.util.function.Function;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** Runs a reseller method for the agent behind the call's {@code session_id}, or answers Freeside's error. */
public final class AgentSessions {
  public static final String CANT_RESUME = "Can't resume session";

  private final SessionStore store;

  public AgentSessions(SessionStore store) {
    this.store = store;
  }

  public Future<XmlRpcValue> withAgent(XStruct params, Function<Long, Future<XmlRpcValue>> body) {
    return store.resolve(Fields.trimmed(params, "session_id"))
        .compose(agent -> agent.isPresent() ? body.apply(agent.get()) : Future.succeededFuture(Replies.error(CANT_RESUME)));
  }
}
