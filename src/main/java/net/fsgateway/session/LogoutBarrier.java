package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a logout hold in every gateway from the moment it is answered. After the session's {@code DEL}, the
 * logout publishes a barrier on {@link SessionCache#BARRIER_CHANNEL}; every session cache of every gateway gets
 * it on the same connection as Redis's invalidation pushes, so by the time it sees the barrier it has already
 * dropped the session, and it acknowledges on this gateway's own channel. {@code PUBLISH} answers how many caches
 * received the barrier; the logout is answered when that many have acknowledged, or after {@code waitMs} (a
 * frozen gateway must not hold logouts; one that wakes after that sees the push before long). Costs one
 * {@code PUBLISH} and a round trip to the slowest gateway per logout, nothing per session-scoped call. Used from
 * one Vert.x context.
 */
final class LogoutBarrier {
  static final String ACK_PREFIX = "fsgw:sessions:ack:";
  private static final Logger LOG = LoggerFactory.getLogger(LogoutBarrier.class);

  /** One logout waiting: how many caches got its barrier (-1 until PUBLISH answers) and how many acknowledged. */
  private static final class Waiting {
    final Promise<Void> done = Promise.promise();
    long expected = -1;
    long acknowledged;
    long timer;
  }

  private final Vertx vertx;
  private final Redis client;
  private final RedisAPI redis;
  private final long waitMs;
  private final String ackChannel = ACK_PREFIX + UUID.randomUUID();
  private final Map<String, Waiting> waiting = new HashMap<>();
  private RedisConnection acks;
  private long nextNonce;

  /** {@code client}: for the acknowledgement subscription (one connection held); {@code redis}: to publish. */
  LogoutBarrier(Vertx vertx, Redis client, RedisAPI redis, long waitMs) {
    this.vertx = vertx;
    this.client = client;
    this.redis = redis;
    this.waitMs = waitMs;
  }

  /** Subscribes to this gateway's acknowledgement channel; until it is up, logouts do not wait. */
  Future<Void> start() {
    return client.connect().compose(connection -> {
      connection.handler(this::onMessage);
      return connection.send(Request.cmd(Command.SUBSCRIBE).arg(ackChannel)).map(connection);
    }).onSuccess(connection -> acks = connection)
        .onFailure(failure -> LOG.warn("logouts will not wait for other gateways' caches: {}", failure.toString()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  /** Completes when every session cache that holds sessions has seen everything Redis did before this call. */
  Future<Void> await() {
    if (acks == null) {
      return Future.succeededFuture();
    }
    String nonce = Long.toString(++nextNonce);
    Waiting w = new Waiting();
    waiting.put(nonce, w);
    w.timer = vertx.setTimer(waitMs, fired -> finish(nonce, true));
    redis.publish(SessionCache.BARRIER_CHANNEL, ackChannel + " " + nonce).onComplete(published -> {
      w.expected = published.succeeded() && published.result() != null ? published.result().toLong() : 0;
      check(nonce, w);
    });
    return w.done.future();
  }

  void close() {
    if (acks != null) {
      acks.close();
    }
    client.close();
  }

  /** {@code ["message", ackChannel, nonce]}. */
  private void onMessage(Response message) {
    if (message == null || message.size() < 3 || !"message".equalsIgnoreCase(message.get(0).toString())) {
      return;
    }
    String nonce = message.get(2).toString();
    Waiting w = waiting.get(nonce);
    if (w != null) {
      w.acknowledged++;
      check(nonce, w);
    }
  }

  private void check(String nonce, Waiting w) {
    if (w.expected >= 0 && w.acknowledged >= w.expected) {
      finish(nonce, false);
    }
  }

  private void finish(String nonce, boolean timedOut) {
    Waiting w = waiting.remove(nonce);
    if (w == null) {
      return;
    }
    vertx.cancelTimer(w.timer);
    if (timedOut) {
      LOG.debug("logout answered after {} ms with {} of {} session caches confirmed", waitMs, w.acknowledged,
          w.expected);
    }
    w.done.complete();
  }
}
