package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.SqlClient;
import java.util.Optional;
import java.util.function.Function;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.SessionConfig;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.resilience.Deadline;
import net.fsgateway.resilience.Fairness;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** Runs a reseller method for the agent behind the call's {@code session_id}, or answers Freeside's error. */
public final class AgentSessions {
  public static final String CANT_RESUME = "Can't resume session";

  private final SessionStore store;
  private final SessionCache cache;
  private final Fairness fairness;

  /** {@code cache}: null to read every session from Redis; {@code fairness}: null for no per-agent limit. */
  public AgentSessions(SessionStore store, SessionCache cache, Fairness fairness) {
    this.store = store;
    this.cache = cache;
    this.fairness = fairness;
  }

  /**
   * Sessions read through {@code redis}, remembered in a {@link SessionCache} unless its size is 0; each agent's
   * calls kept within its limits ({@link Fairness}, its own limit read through {@code db}).
   */
  public static AgentSessions open(Vertx vertx, RedisAPI redis, GatewayConfig config, SqlClient db) {
    SessionConfig session = config.session();
    EndedSessions ended = EndedSessions.shared(vertx);
    SessionCache cache = session.cacheEntries() == 0 ? null
        : new SessionCache(RedisClients.tracking(vertx, config.redis()), session.cacheEntries(), ended,
            Deadline.redis(vertx, config.deadlines()));
    return new AgentSessions(new SessionStore(redis, session.ttlSeconds(), ended), cache,
        new Fairness(vertx, config.limits(), db));
  }

  public Future<XmlRpcValue> withAgent(XStruct params, Function<Long, Future<XmlRpcValue>> body) {
    return resolve(Fields.trimmed(params, "session_id"))
        .compose(agent -> agent.isEmpty() ? Future.succeededFuture(Replies.error(CANT_RESUME))
            : fairness == null ? body.apply(agent.get()) : fairness.run(agent.get(), body));
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
