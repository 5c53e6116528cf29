package net.fsgateway.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one measured run produced: per-method stats, the measured wall time, samples of unexpected answers. */
public final class RunStats {
  private static final int MAX_SAMPLES = 10;

  private final Map<String, MethodStats> byMethod = new LinkedHashMap<>();
  private final List<String> unexpectedSamples = new ArrayList<>();
  private long elapsedNanos;

  public void record(String method, long latencyNanos, Verdict verdict, String detail) {
    byMethod.computeIfAbsent(method, m -> new MethodStats()).record(latencyNanos, verdict);
    if (verdict == Verdict.UNEXPECTED && unexpectedSamples.size() < MAX_SAMPLES) {
      unexpectedSamples.add(method + ": " + detail);
    }
  }

  public void elapsedNanos(long nanos) {
    this.elapsedNanos = nanos;
  }

  public long elapsedNanos() {
    return elapsedNanos;
  }

  public double elapsedSeconds() {
    return elapsedNanos / 1e9;
  }

  public Map<String, MethodStats> byMethod() {
    return Collections.unmodifiableMap(byMethod);
  }

  public MethodStats total() {
    MethodStats total = new MethodStats();
    byMethod.values().forEach(total::add);
    return total;
  }

  public List<String> unexpectedSamples() {
    return Collections.unmodifiableList(unexpectedSamples);
  }

  /** The run passes when something was measured and no answer was unexpected. */
  public boolean passed() {
    MethodStats total = total();
    return total.requests() > 0 && total.unexpected() == 0;
  }
}
