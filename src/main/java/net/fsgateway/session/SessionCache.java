package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.fsgateway.ops.ProcessCounters;
import net.fsgateway.resilience.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session key → agentnum, remembered on this event loop and kept true by Redis itself (server-assisted
 * invalidation): session reads go over a connection with {@code CLIENT TRACKING ON REDIRECT <id>}, so Redis
 * publishes an invalidation on a second, subscribed connection for every key read as soon as anyone deletes,
 * expires or changes it (a logout on any gateway, an operator's {@code DEL}). Each entry also ends at its key's
 * own TTL, read with it, so an expired session never outlives its hour here even before Redis reaps the key.
 *
 * <p>Two connections rather than RESP3 pushes on one: Vert.x's Redis client (5.0) hands a push that arrives while
 * a command waits for its reply to that command's waiter, so pushes and commands cannot share a connection. With
 * two, an invalidation may overtake the reply of a read that it concerns; so a read is remembered only if no
 * invalidation arrived while it was in flight.
 *
 * <p>A logout through this gateway does not wait for that push: {@link EndedSessions} keeps its key out of memory
 * from before the {@code DEL}.
 *
 * <p>When tracking is down (or the server cannot track: Redis before 6), every lookup goes to Redis through
 * {@code uncached} and nothing is remembered; losing either connection forgets everything, since invalidations
 * may have been missed. Used from one Vert.x context only, so no field needs a lock.
 */
public final class SessionCache {
  static final String INVALIDATION_CHANNEL = "__redis__:invalidate";
  /** A logout's barrier ({@link LogoutBarrier}): "ackChannel nonce", acknowledged once every earlier push is in. */
  static final String BARRIER_CHANNEL = "fsgw:sessions:barrier";
  private static final Logger LOG = LoggerFactory.getLogger(SessionCache.class);
  private static final long RECONNECT_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private record Entry(long agentnum, long expiresAtNanos) {
  }

  /** The read connection and the subscribed one its invalidations go to. */
  private record Tracking(RedisConnection reads, RedisConnection invalidations) {
    void close() {
      reads.close();
      invalidations.close();
    }
  }

  private final Redis client;
  private final int maxEntries;
  private final EndedSessions ended;
  private final Deadline deadline;
  private final Map<String, Entry> entries = new HashMap<>();
  private Tracking tracking;
  /** Bumped by every invalidation and every loss: a read that saw it change may be stale. */
  private long epoch;
  private boolean connecting;
  private boolean reportedDown;
  private long lastAttemptNanos;
  private boolean closed;

  /**
   * {@code client}: a client of its own, for two connections held for good (RESP2: no pushes on the read
   * connection). Starts connecting at once; until tracking is up, lookups go to Redis uncached.
   */
  public SessionCache(Redis client, int maxEntries, EndedSessions ended, Deadline deadline) {
    this.client = client;
    this.maxEntries = maxEntries;
    this.ended = ended;
    this.deadline = deadline;
    connectIfDue(System.nanoTime());
  }

  /**
   * The agent of the session stored under {@code key}: from memory when remembered, otherwise from Redis (over
   * the tracked connection when it is up; through {@code uncached} when it is not).
   */
  public Future<Optional<Long>> resolve(String key, Function<String, Future<Optional<Long>>> uncached) {
    long now = System.nanoTime();
    Entry entry = entries.get(key);
    if (entry != null) {
      if (now - entry.expiresAtNanos < 0 && !ended.contains(key)) {
        ProcessCounters.sessionCacheHit();
        return Future.succeededFuture(Optional.of(entry.agentnum));
      }
      entries.remove(key);
    }
    ProcessCounters.sessionCacheMiss();
    Tracking current = tracking;
    if (current == null) {
      connectIfDue(now);
      return uncached.apply(key);
    }
    long readEpoch = epoch;
    // GET and PTTL in one write; a key deleted between the two answers PTTL -2 and is not remembered. Should the
    // tracked connection drop under the call, the pool's connections may still be fine; should Redis not answer
    // within its deadline, asking it again through the pool would only double the wait.
    return deadline.bound(current.reads.batch(List.of(Request.cmd(Command.GET).arg(key), Request.cmd(Command.PTTL).arg(key))))
        .map(replies -> remember(current, readEpoch, key, now, replies.get(0), replies.get(1)))
        .recover(failure -> Deadline.ranOut(failure) ? Future.failedFuture(failure) : uncached.apply(key));
  }

  /** Entries held now. */
  int size() {
    return entries.size();
  }

  public Future<Void> close() {
    closed = true;
    drop();
    client.close();
    return Future.succeededFuture();
  }

  private Optional<Long> remember(Tracking readOn, long readEpoch, String key, long now, Response value,
                                  Response pttl) {
    if (value == null) {
      return Optional.empty();
    }
    long agentnum = Long.parseLong(value.toString());
    long ttlMs = pttl == null ? -2 : pttl.toLong();
    if (ttlMs > 0 && readOn == tracking && readEpoch == epoch && entries.size() < maxEntries && !ended.contains(key)) {
      entries.put(key, new Entry(agentnum, now + TimeUnit.MILLISECONDS.toNanos(ttlMs)));
    }
    return Optional.of(agentnum);
  }

  private void connectIfDue(long now) {
    if (closed || connecting || (lastAttemptNanos != 0 && now - lastAttemptNanos < RECONNECT_PAUSE_NANOS)) {
      return;
    }
    connecting = true;
    lastAttemptNanos = now;
    client.connect().compose(invalidations -> {
      invalidations.handler(this::onInvalidation);
      invalidations.exceptionHandler(failure -> lost(invalidations, failure.toString()));
      invalidations.endHandler(ignored -> lost(invalidations, "closed"));
      // CLIENT ID before SUBSCRIBE: a subscribed RESP2 connection takes no other command.
      return invalidations.send(Request.cmd(Command.CLIENT).arg("ID"))
          .compose(id -> invalidations.send(Request.cmd(Command.SUBSCRIBE).arg(INVALIDATION_CHANNEL)).map(id))
          .compose(id -> readConnection(id.toLong()))
          // After tracking is on: a barrier seen from here on is answered over the read connection.
          .compose(reads -> invalidations.send(Request.cmd(Command.SUBSCRIBE).arg(BARRIER_CHANNEL))
              .map(new Tracking(reads, invalidations)))
          .onFailure(ignored -> invalidations.close());
    }).onComplete(result -> {
      connecting = false;
      if (closed) {
        if (result.succeeded()) {
          result.result().close();
        }
      } else if (result.failed()) {
        // Retried every second while Redis is away: one line for the outage, not one per attempt.
        if (!reportedDown) {
          LOG.warn("session cache off until Redis accepts tracking: {}", result.cause().toString());
          reportedDown = true;
        }
      } else {
        if (reportedDown) {
          LOG.info("session cache: tracking back");
          reportedDown = false;
        }
        epoch++;
        tracking = result.result();
        LOG.debug("session cache: tracking up");
      }
    });
  }

  private Future<RedisConnection> readConnection(long invalidationsId) {
    return client.connect().compose(reads -> {
      reads.exceptionHandler(failure -> lost(reads, failure.toString()));
      reads.endHandler(ignored -> lost(reads, "closed"));
      return reads.send(Request.cmd(Command.CLIENT).arg("TRACKING").arg("ON").arg("REDIRECT").arg(invalidationsId))
          .map(reads)
          .onFailure(ignored -> reads.close());
    });
  }

  /** {@code ["message", "__redis__:invalidate", [key, ...]]}; a null key list means every key (FLUSHALL). */
  private void onInvalidation(Response message) {
    if (message == null || message.size() < 3 || !"message".equalsIgnoreCase(message.get(0).toString())) {
      return;
    }
    if (BARRIER_CHANNEL.equals(message.get(1).toString())) {
      acknowledge(message.get(2).toString());
      return;
    }
    if (!INVALIDATION_CHANNEL.equals(message.get(1).toString())) {
      return;
    }
    epoch++;
    Response keys = message.get(2);
    if (keys == null) {
      entries.clear();
      return;
    }
    for (Response key : keys) {
      entries.remove(key.toString());
    }
  }

  /**
   * A logout's barrier: every push Redis sent before it has been handled (same connection, in order), so this
   * cache no longer holds the ended session. "ackChannel nonce" → {@code PUBLISH ackChannel nonce}.
   */
  private void acknowledge(String barrier) {
    Tracking current = tracking;
    int space = barrier.indexOf(' ');
    if (current == null || space <= 0) {
      return;
    }
    current.reads.send(Request.cmd(Command.PUBLISH).arg(barrier.substring(0, space)).arg(barrier.substring(space + 1)));
  }

  private void lost(RedisConnection connection, String why) {
    Tracking current = tracking;
    if (current == null || (connection != current.reads && connection != current.invalidations)) {
      return;
    }
    drop();
    if (!closed) {
      LOG.warn("session cache: tracking connection lost ({}); sessions are read from Redis until it is back", why);
    }
  }

  private void drop() {
    Tracking current = tracking;
    tracking = null;
    epoch++;
    entries.clear();
    if (current != null) {
      current.close();
    }
  }
}
