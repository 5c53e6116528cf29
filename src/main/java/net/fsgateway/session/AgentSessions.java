package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.SqlClient;
import java.util.Optional;
import java.util.function.Function;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.RedisConfig;
import net.fsgateway.config.SessionConfig;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.ops.CallAgent;
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
   * Sessions read through {@code redis}, remembered in a {@link SessionCache} unless its size is 0 or Redis is a
   * cluster; each agent's calls kept within its limits ({@link Fairness}, its own limit read through {@code db}).
   */
  public static AgentSessions open(Vertx vertx, RedisAPI redis, GatewayConfig config, SqlClient db) {
    SessionConfig session = config.session();
    EndedSessions ended = EndedSessions.shared(vertx);
    // In a cluster, server-assisted invalidation is per node: the tracking connections would have to follow every
    // master and every slot migration, so sessions are read from Redis there instead of remembered.
    boolean cacheable = session.cacheEntries() > 0 && config.redis().type() != RedisConfig.Type.CLUSTER;
    SessionCache cache = cacheable
        ? new SessionCache(RedisClients.tracking(vertx, config.redis()), session.cacheEntries(), ended,
            Deadline.redis(vertx, config.deadlines()))
        : null;
    return new AgentSessions(new SessionStore(redis, session.ttlSeconds(), ended), cache,
        new Fairness(vertx, config.limits(), db));
  }

  public Future<XmlRpcValue> withAgent(XStruct params, Function<Long, Future<XmlRpcValue>> body) {
    // This runs for every session call: a session found in memory (nearly every call) runs the body at once;
    // otherwise one composition on the lookup, not agentOf's map and then a compose.
    Future<Optional<Long>> agent = resolve(Fields.trimmed(params, "session_id"));
    return agent.succeeded() ? run(agent.result(), body) : agent.compose(found -> run(found, body));
  }

  private Future<XmlRpcValue> run(Optional<Long> agent, Function<Long, Future<XmlRpcValue>> body) {
    if (agent.isEmpty()) {
      return Future.succeededFuture(Replies.error(CANT_RESUME));
    }
    long agentnum = CallAgent.remember(agent.get());
    return fairness == null ? body.apply(agentnum) : fairness.run(agentnum, body);
  }

  /** The agent of the call's {@code session_id}, or empty when the session is unknown or expired. */
  public Future<Optional<Long>> agentOf(XStruct params) {
    return resolve(Fields.trimmed(params, "session_id")).map(agent -> agent.map(CallAgent::remember));
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
