package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Optional;

/**
 * Reseller sessions in Redis: {@code fsgw:session:<sha256(id)>} → agentnum, {@code SET … EX ttl} once at login
 * and never renewed by use (Freeside's sessions end one hour after login). Resolving is one round trip.
 */
public final class SessionStore {
  static final String KEY_PREFIX = "fsgw:session:";

  private final RedisAPI redis;
  private final int ttlSeconds;
  private final EndedSessions ended;

  public SessionStore(RedisAPI redis, int ttlSeconds, EndedSessions ended) {
    this.redis = redis;
    this.ttlSeconds = ttlSeconds;
    this.ended = ended;
  }

  public static String key(String sessionId) {
    return KEY_PREFIX + SessionIds.digest(sessionId);
  }

  /** Opens a session for the agent; the future holds the new session id (the only copy of it in clear). */
  public Future<String> create(long agentnum) {
    String id = SessionIds.newId();
    return redis.set(List.of(key(id), Long.toString(agentnum), "EX", Integer.toString(ttlSeconds), "NX"))
        .map(ignored -> id);
  }

  /** The agentnum of a live session; empty when the id is blank, unknown or expired. */
  public Future<Optional<Long>> resolve(String sessionId) {
    if (sessionId == null || sessionId.isBlank()) {
      return Future.succeededFuture(Optional.empty());
    }
    return resolveKey(key(sessionId));
  }

  /** The agentnum stored under a session key ({@link #key}); empty when there is none. */
  public Future<Optional<Long>> resolveKey(String key) {
    return redis.get(key).map(SessionStore::agentnum);
  }

  /** Ends a session; true when there was one. */
  public Future<Boolean> delete(String sessionId) {
    if (sessionId == null || sessionId.isBlank()) {
      return Future.succeededFuture(false);
    }
    String key = key(sessionId);
    // Before the DEL, so no cache of this gateway answers the key from memory from here on.
    ended.add(key);
    return redis.del(List.of(key)).map(count -> count != null && count.toInteger() > 0);
  }

  private static Optional<Long> agentnum(Response value) {
    return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.toString()));
  }
}
