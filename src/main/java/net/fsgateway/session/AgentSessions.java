package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.util.Optional;
import java.util.function.Function;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.SessionConfig;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.resilience.Deadline;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** Runs a reseller method for the agent behind the call's {@code session_id}, or answers Freeside's error. */
public final class AgentSessions {
  public static final String CANT_RESUME = "Can't resume session";

  private final SessionStore store;
  private final SessionCache cache;

  /** {@code cache}: null to read every session from Redis. */
  public AgentSessions(SessionStore store, SessionCache cache) {
    this.store = store;
    this.cache = cache;
  }

  /** Sessions read through {@code redis}, remembered in a {@link SessionCache} unless its size is 0. */
  public static AgentSessions open(Vertx vertx, RedisAPI redis, GatewayConfig config) {
    SessionConfig session = config.session();
    EndedSessions ended = EndedSessions.shared(vertx);
    SessionCache cache = session.cacheEntries() == 0 ? null
        : new SessionCache(RedisClients.tracking(vertx, config.redis()), session.cacheEntries(), ended,
            Deadline.redis(vertx, config.deadlines()));
    return new AgentSessions(new SessionStore(redis, session.ttlSeconds(), ended), cache);
  }

  public Future<XmlRpcValue> withAgent(XStruct params, Function<Long, Future<XmlRpcValue>> body) {
    return resolve(Fields.trimmed(params, "session_id"))
        .compose(agent -> agent.isPresent() ? body.apply(agent.get()) : Future.succeededFuture(Replies.error(CANT_RESUME)));
  }

  public Future<Void> close() {
    return cache == null ? Future.succeededFuture() : cache.close();
  }

  private Future<Optional<Long>> resolve(String sessionId) {
    if (cache == null || sessionId == null || sessionId.isBlank()) {
      return store.resolve(sessionId);
    }
    return cache.resolve(SessionStore.key(sessionId), store::resolveKey);
  }
}
