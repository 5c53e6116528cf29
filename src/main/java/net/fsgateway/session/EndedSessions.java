package net.fsgateway.session;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import java.util.concurrent.TimeUnit;

/**
 * Session keys this gateway has ended in the last {@value #KEEP_SECONDS} seconds, shared by every event loop. A
 * logout records its key here before deleting it from Redis, and a {@link SessionCache} never answers such a key
 * from memory: Redis's invalidation reaches the other event loops' caches only a moment after the logout's own
 * reply, and a client's very next call must already see the session ended.
 */
public final class EndedSessions {
  static final String MAP_NAME = "fsgw.sessions.ended";
  static final long KEEP_SECONDS = 10;
  private static final int PURGE_ABOVE = 1_000;

  private final LocalMap<String, Long> ended;

  private EndedSessions(LocalMap<String, Long> ended) {
    this.ended = ended;
  }

  /** The one set of this Vert.x instance. */
  public static EndedSessions shared(Vertx vertx) {
    return new EndedSessions(vertx.sharedData().getLocalMap(MAP_NAME));
  }

  void add(String key) {
    long now = System.nanoTime();
    if (ended.size() > PURGE_ABOVE) {
      long keep = TimeUnit.SECONDS.toNanos(KEEP_SECONDS);
      ended.entrySet().removeIf(e -> now - e.getValue() > keep);
    }
    ended.put(key, now);
  }

  boolean contains(String key) {
    Long at = ended.get(key);
    return at != null && System.nanoTime() - at <= TimeUnit.SECONDS.toNanos(KEEP_SECONDS);
  }
}
