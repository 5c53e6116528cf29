package net.fsgateway.resilience;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs classified failures at WARN, at most one line per cause per interval: the first failure of a cause is
 * logged at once; the ones after it within the interval are only counted, and the next line (the first failure
 * after the interval) says how many there were. An outage writes a few lines a minute per cause, not one per
 * call. Shared by every event loop of the process, so the counts are atomic.
 */
public final class FailureLog {
  /** One line per cause per this many seconds at most. */
  public static final long INTERVAL_SECONDS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);
  private static final FailureLog SHARED = new FailureLog(System::nanoTime, TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS));

  /** Per cause: failures not logged yet, and when the last line was written (0: never). */
  private static final class Counter {
    final AtomicLong unlogged = new AtomicLong();
    final AtomicLong lastLineNanos = new AtomicLong(Long.MIN_VALUE);
  }

  private final LongSupplier clock;
  private final long intervalNanos;
  private final Map<FailureCause, Counter> counters = new EnumMap<>(FailureCause.class);
  private final Map<FailureCause, AtomicLong> totals = new EnumMap<>(FailureCause.class);

  FailureLog(LongSupplier clock, long intervalNanos) {
    this.clock = clock;
    this.intervalNanos = intervalNanos;
    for (FailureCause cause : FailureCause.values()) {
      counters.put(cause, new Counter());
      totals.put(cause, new AtomicLong());
    }
  }

  public static FailureLog shared() {
    return SHARED;
  }

  /** Counts one failure; writes a line if this cause has had none for an interval. True when it wrote one. */
  public boolean record(FailureCause cause, String method, String detail) {
    totals.get(cause).incrementAndGet();
    Counter counter = counters.get(cause);
    counter.unlogged.incrementAndGet();
    long now = clock.getAsLong();
    long last = counter.lastLineNanos.get();
    if (last != Long.MIN_VALUE && now - last < intervalNanos) {
      return false;
    }
    if (!counter.lastLineNanos.compareAndSet(last, now)) {
      return false; // another thread writes this interval's line
    }
    long count = counter.unlogged.getAndSet(0);
    if (last == Long.MIN_VALUE || count <= 1) {
      LOG.warn("{}: {} failed: {}", cause.key(), method, detail);
    } else {
      LOG.warn("{}: {} calls failed in the last {} s; latest: {} failed: {}", cause.key(), count,
          TimeUnit.NANOSECONDS.toSeconds(now - last), method, detail);
    }
    return true;
  }

  /** Failures of this cause since the process started (for the metrics to read). */
  public long total(FailureCause cause) {
    return totals.get(cause).get();
  }
}
