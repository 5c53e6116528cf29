package net.fsgateway.resilience;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Optional;
import net.fsgateway.config.DeadlinesConfig;
import net.fsgateway.infra.Timeouts;
import net.fsgateway.resilience.FailureClassifier.Backend;

/**
 * A bound on how long a call waits for one backend, and the classification of what that backend answers: a
 * hung PostgreSQL or Redis (stopped, partitioned) fails the call with a retryable {@link BackendFailure} after
 * {@code millis} instead of holding it until the call timeout. The calling event loop's {@link Timeouts} (not
 * {@code Future.timeout}, which wakes Netty's global executor per call, nor a timer set and cancelled per call).
 */
public final class Deadline {
  private final Backend backend;
  private final long millis;
  private final Timeouts timeouts;
  private final FailureCause onTimeout;

  public Deadline(Vertx vertx, Backend backend, long millis) {
    this.backend = backend;
    this.millis = millis;
    this.timeouts = new Timeouts(vertx, millis);
    this.onTimeout = backend == Backend.REDIS ? FailureCause.REDIS_TIMEOUT : FailureCause.PG_TIMEOUT;
  }

  /** Redis commands: {@code deadlines.redisCommandMs}. */
  public static Deadline redis(Vertx vertx, DeadlinesConfig deadlines) {
    return new Deadline(vertx, Backend.REDIS, deadlines.redisCommandMs());
  }

  /** PostgreSQL statements, pool wait included: {@code deadlines.pgQueryMs} plus the client's grace. */
  public static Deadline pg(Vertx vertx, DeadlinesConfig deadlines) {
    return new Deadline(vertx, Backend.PG, deadlines.pgClientMs());
  }

  public long millis() {
    return millis;
  }

  /** {@code work}'s outcome, or a timeout failure if it has none within the deadline; failures classified. */
  public <T> Future<T> bound(Future<T> work) {
    if (work.isComplete()) {
      return work.failed() ? Future.failedFuture(classified(work.cause())) : work;
    }
    Promise<T> result = Promise.promise();
    Timeouts.Timeout timeout = timeouts.arm(() -> result.tryFail(
        new BackendFailure(onTimeout, backend.name().toLowerCase() + ": no answer in " + millis + " ms")));
    work.onComplete(done -> {
      timeout.cancel();
      if (done.succeeded()) {
        result.tryComplete(done.result());
      } else {
        result.tryFail(classified(done.cause()));
      }
    });
    return result.future();
  }

  /** True when {@code failure} is this deadline running out (the backend is hung: no use asking it again). */
  public static boolean ranOut(Throwable failure) {
    return failure instanceof BackendFailure known
        && (known.failureCause() == FailureCause.REDIS_TIMEOUT || known.failureCause() == FailureCause.PG_TIMEOUT);
  }

  private Throwable classified(Throwable failure) {
    if (failure instanceof BackendFailure) {
      return failure;
    }
    Optional<FailureCause> cause = FailureClassifier.classify(backend, failure);
    return cause.<Throwable>map(c -> new BackendFailure(c, failure.toString())).orElse(failure);
  }
}
