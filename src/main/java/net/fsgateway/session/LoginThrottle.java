package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.Locale;
import net.fsgateway.config.ThrottleConfig;

/**
 * Counts failed logins in Redis per username and per client address, so every gateway pod sees the same counts.
 * A login is checked with one {@code MGET} before any hashing: a locked username or address is refused at once,
 * without a password verification; a username with {@code slowAfterFailures} or more recent failures is answered
 * after a timer (never a blocking sleep). A failure is recorded with one {@code EVAL}; the failure that reaches a
 * limit locks the username or address for {@code lockoutSeconds} and restarts its count. Usernames appear in
 * keys only as SHA-256 digests, so a Redis dump lists none.
 */
public final class LoginThrottle {
  public static final String TOO_MANY_FAILURES = "Too many failed logins; try again later.";

  // One hash tag for every throttle key: the check reads a username's and an address's keys in one MGET and a
  // failure changes all four in one script, which a Redis Cluster allows only within one slot. Logins are few
  // (each costs an argon2id hash), so one slot's node carries them all easily.
  static final String COUNT_PREFIX = "fsgw:{login}:fail:";
  static final String LOCK_PREFIX = "fsgw:{login}:lock:";
  static final long FIRST_DELAY_MS = 250;
  static final long MAX_DELAY_MS = 2_000;

  // KEYS: user count, user lock, address count, address lock. ARGV: window, lockout, max per user, max per address.
  // One script so a failure costs one round trip and the count/lock pair changes atomically.
  private static final String RECORD_FAILURE = String.join("\n",
      "local function fail(count, lock, max)",
      "  local n = redis.call('INCR', count)",
      "  if n == 1 then redis.call('EXPIRE', count, ARGV[1]) end",
      "  if n >= tonumber(max) then",
      "    redis.call('SET', lock, '1', 'EX', ARGV[2])",
      "    redis.call('DEL', count)",
      "  end",
      "end",
      "fail(KEYS[1], KEYS[2], ARGV[3])",
      "fail(KEYS[3], KEYS[4], ARGV[4])",
      "return 1");

  /** One login attempt as the throttle saw it before the password was checked. */
  public record Attempt(String userKey, String addressKey, int userFailures, boolean refused) {
  }

  private final Vertx vertx;
  private final RedisAPI redis;
  private final ThrottleConfig config;

  public LoginThrottle(Vertx vertx, RedisAPI redis, ThrottleConfig config) {
    this.vertx = vertx;
    this.redis = redis;
    this.config = config;
  }

  /**
   * Looks the attempt up: refused when the username or the address is locked out, otherwise admitted after the
   * delay its username's recent failures call for.
   */
  public Future<Attempt> admit(String username, String clientAddress) {
    String userKey = "user:" + SessionIds.digest(username.toLowerCase(Locale.ROOT));
    String addressKey = "addr:" + (clientAddress.isEmpty() ? "unknown" : clientAddress);
    List<String> keys = List.of(LOCK_PREFIX + userKey, LOCK_PREFIX + addressKey, COUNT_PREFIX + userKey);
    return redis.mget(keys).compose(values -> {
      if (values.get(0) != null || values.get(1) != null) {
        return Future.succeededFuture(new Attempt(userKey, addressKey, 0, true));
      }
      int failures = values.get(2) == null ? 0 : values.get(2).toInteger();
      return after(delayMs(failures), new Attempt(userKey, addressKey, failures, false));
    });
  }

  /** Counts a failed attempt against its username and its address. */
  public Future<Void> failed(Attempt attempt) {
    return redis.eval(List.of(RECORD_FAILURE, "4",
            COUNT_PREFIX + attempt.userKey(), LOCK_PREFIX + attempt.userKey(),
            COUNT_PREFIX + attempt.addressKey(), LOCK_PREFIX + attempt.addressKey(),
            Integer.toString(config.windowSeconds()), Integer.toString(config.lockoutSeconds()),
            Integer.toString(config.maxFailuresPerUser()), Integer.toString(config.maxFailuresPerAddress())))
        .mapEmpty();
  }

  /**
   * Forgets the username's failures after a good password. The address count stays: one success must not
   * reset a count that other usernames from the same address built up.
   */
  public Future<Void> succeeded(Attempt attempt) {
    if (attempt.userFailures() == 0) {
      return Future.succeededFuture();
    }
    return redis.del(List.of(COUNT_PREFIX + attempt.userKey())).mapEmpty();
  }

  /** 0 below {@code slowAfterFailures}, then 250 ms doubling with each failure, at most 2 s. */
  long delayMs(int failures) {
    if (failures < config.slowAfterFailures()) {
      return 0;
    }
    int doublings = Math.min(failures - config.slowAfterFailures(), 10);
    return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << doublings);
  }

  private Future<Attempt> after(long delayMs, Attempt attempt) {
    if (delayMs == 0) {
      return Future.succeededFuture(attempt);
    }
    Promise<Attempt> promise = Promise.promise();
    vertx.setTimer(delayMs, id -> promise.complete(attempt));
    return promise.future();
  }
}
