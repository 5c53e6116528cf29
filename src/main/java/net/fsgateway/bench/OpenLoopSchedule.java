package net.fsgateway.bench;

/**
 * The fixed timetable of an open-loop run: request {@code i} is due at {@code start + i / rate}, whatever happened
 * to the requests before it. Latency is measured from that due time, not from when the driver got round to sending,
 * so a stalled server is charged for the queue it causes (no coordinated omission, as in wrk2).
 */
public final class OpenLoopSchedule {
  private final long startNanos;
  private final double intervalNanos;

  public OpenLoopSchedule(long startNanos, double ratePerSecond) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be > 0");
    }
    this.startNanos = startNanos;
    this.intervalNanos = 1_000_000_000d / ratePerSecond;
  }

  /** When request {@code index} (0-based) is due, on the {@link System#nanoTime()} clock. */
  public long dueAt(long index) {
    return startNanos + Math.round(index * intervalNanos);
  }

  /** How many requests are due at or before {@code nowNanos}. */
  public long dueBy(long nowNanos) {
    if (nowNanos < startNanos) {
      return 0;
    }
    long n = (long) Math.floor((nowNanos - startNanos) / intervalNanos) + 1;
    // Rounding in dueAt can differ from floor here by one; settle it against dueAt itself.
    while (n > 0 && dueAt(n - 1) > nowNanos) {
      n--;
    }
    while (dueAt(n) <= nowNanos) {
      n++;
    }
    return n;
  }

  /** The latency charged to request {@code index} that completed at {@code completedNanos}. */
  public long latencyNanos(long index, long completedNanos) {
    return completedNanos - dueAt(index);
  }
}
