package net.fsgateway.ops;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.fsgateway.infra.BackendUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up's wait for an external PostgreSQL or Redis that does not answer yet: retries with backoff (0.25 s
 * doubling to 5 s) for {@code startup.backendWaitSeconds}, then gives up with a message that names the setting.
 * Meanwhile the management port answers readiness 503, and Kubernetes keeps the pod instead of restarting it
 * into CrashLoopBackOff. Blocking: runs on the main thread before anything is deployed.
 */
public final class BackendWait {
  private static final Logger LOG = LoggerFactory.getLogger(BackendWait.class);
  static final long FIRST_DELAY_MS = 250;
  static final long MAX_DELAY_MS = 5_000;

  private BackendWait() {
  }

  /** {@code attempt} until it succeeds or {@code waitSeconds} have passed; a failure other than "unavailable" is final. */
  public static <T> T until(int waitSeconds, Supplier<T> attempt) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
    long delay = FIRST_DELAY_MS;
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        return attempt.get();
      } catch (BackendUnavailableException e) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new BackendUnavailableException(e.getMessage() + "; gave up after " + attempts + " attempt(s) in "
              + waitSeconds + " s (startup.backendWaitSeconds)");
        }
        long sleep = Math.min(delay, left);
        LOG.warn("waiting for backends ({} s left of startup.backendWaitSeconds={}): {}; retrying in {} ms",
            left / 1000, waitSeconds, e.getMessage(), sleep);
        sleepQuietly(sleep);
        delay = Math.min(delay * 2, MAX_DELAY_MS);
      }
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException("interrupted while waiting for backends");
    }
  }
}
