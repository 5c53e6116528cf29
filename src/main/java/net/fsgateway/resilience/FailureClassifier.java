package net.fsgateway.resilience;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Sorts a driver failure into a {@link FailureCause}, or none when it is not a backend condition (then it is our
 * bug). PostgreSQL errors by SQLSTATE; the rest by exception type, then by the drivers' own fixed texts where they
 * have no type (the Redis client's {@code CONNECTION_CLOSED}, the pools' "closed" and wait-queue texts).
 */
public final class FailureClassifier {
  /** Which backend a failure came from, when the caller knows. */
  public enum Backend { PG, REDIS, UNKNOWN }

  private FailureClassifier() {
  }

  public static Optional<FailureCause> classify(Backend hint, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Optional<FailureCause> cause = one(hint, t);
      if (cause.isPresent()) {
        return cause;
      }
    }
    return Optional.empty();
  }

  private static Optional<FailureCause> one(Backend hint, Throwable t) {
    if (t instanceof BackendFailure known) {
      return Optional.of(known.failureCause());
    }
    if (t instanceof DatabaseException db) {
      return bySqlState(db.getSqlState());
    }
    if (t instanceof ClosedConnectionException) {
      return Optional.of(FailureCause.PG_CLOSED);
    }
    Backend backend = hint == Backend.UNKNOWN ? guess(t) : hint;
    boolean redis = backend == Backend.REDIS;
    String text = String.valueOf(t.getMessage());
    String upper = text.toUpperCase(Locale.ROOT);
    if (redis && (upper.startsWith("LOADING"))) {
      return Optional.of(FailureCause.REDIS_LOADING);
    }
    if (redis && (upper.startsWith("READONLY") || upper.startsWith("MASTERDOWN"))) {
      return Optional.of(FailureCause.REDIS_READONLY);
    }
    if (t instanceof ConnectException || upper.contains("CONNECTION REFUSED")) {
      return Optional.of(redis ? FailureCause.REDIS_REFUSED : FailureCause.PG_REFUSED);
    }
    if (t instanceof ClosedChannelException || upper.contains("CONNECTION_CLOSED")
        || upper.contains("CONNECTION IS CLOSED") || upper.contains("CONNECTION CLOSED")
        || upper.contains("CONNECTION RESET") || upper.contains("CONNECTION HAS BEEN CLOSED")
        || upper.contains("BROKEN PIPE")) {
      return Optional.of(redis ? FailureCause.REDIS_CLOSED : FailureCause.PG_CLOSED);
    }
    if (upper.contains("POOL CLOSED") || upper.equals("CLOSED")) {
      return Optional.of(redis ? FailureCause.REDIS_CLOSED : FailureCause.PG_POOL_CLOSED);
    }
    if (t instanceof ConnectionPoolTooBusyException || upper.contains("WAIT QUEUE") || upper.contains("WAITING QUEUE")) {
      return Optional.of(redis ? FailureCause.REDIS_BUSY : FailureCause.PG_BUSY);
    }
    if (t instanceof TimeoutException || upper.contains("TIMEOUT") || upper.contains("TIMED OUT")) {
      return Optional.of(redis ? FailureCause.REDIS_TIMEOUT : FailureCause.PG_BUSY);
    }
    return Optional.empty();
  }

  /** Class 08 connection exceptions, 57P0x shutdowns, 57014 cancel (statement_timeout), 53300 too many connections. */
  static Optional<FailureCause> bySqlState(String state) {
    if (state == null) {
      return Optional.empty();
    }
    if (state.startsWith("08")) {
      return Optional.of(FailureCause.PG_CLOSED);
    }
    return switch (state) {
      case "57P01", "57P02", "57P03" -> Optional.of(FailureCause.PG_SHUTDOWN);
      case "57014" -> Optional.of(FailureCause.PG_TIMEOUT);
      case "53300", "53000" -> Optional.of(FailureCause.PG_BUSY);
      default -> Optional.empty();
    };
  }

  private static Backend guess(Throwable t) {
    String type = t.getClass().getName();
    if (type.startsWith("io.vertx.redis")) {
      return Backend.REDIS;
    }
    return Backend.UNKNOWN;
  }
}
