package net.fsgateway.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Latencies (microseconds, 3 significant digits) and verdict counts of one method. */
public final class MethodStats {
  private final Histogram micros = new Histogram(3);
  private long ok;
  private long expectedErrors;
  private long unexpected;

  public void record(long latencyNanos, Verdict verdict) {
    micros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
    if (verdict == Verdict.OK) {
      ok++;
    } else if (verdict == Verdict.EXPECTED_ERROR) {
      expectedErrors++;
    } else {
      unexpected++;
    }
  }

  public void add(MethodStats other) {
    micros.add(other.micros);
    ok += other.ok;
    expectedErrors += other.expectedErrors;
    unexpected += other.unexpected;
  }

  public long requests() {
    return ok + expectedErrors + unexpected;
  }

  public long ok() {
    return ok;
  }

  public long expectedErrors() {
    return expectedErrors;
  }

  public long unexpected() {
    return unexpected;
  }

  /** The latency at {@code percentile} (0..100) in milliseconds; 0 when nothing was recorded. */
  public double percentileMillis(double percentile) {
    return requests() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000d;
  }

  public double maxMillis() {
    return requests() == 0 ? 0 : micros.getMaxValue() / 1000d;
  }
}
