package net.fsgateway.ops;

import io.vertx.core.json.JsonObject;

/**
 * The last probe of one backend. Written on the probe's event loop, read by scrapes and {@code /health} on other
 * threads: one immutable snapshot behind a volatile reference.
 */
final class ProbeResult {
  private record Snapshot(String state, long rttNanos, long atMillis, String problem) {
  }

  private final String name;
  private volatile Snapshot last = new Snapshot("unknown", -1, 0, null);

  ProbeResult(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  void answered(long rttNanos) {
    last = new Snapshot("up", rttNanos, System.currentTimeMillis(), null);
  }

  /** Only the failure's type: a driver's message may quote addresses or settings, which /health need not show. */
  void failed(Throwable failure) {
    Snapshot previous = last;
    last = new Snapshot("down", previous.rttNanos(), System.currentTimeMillis(), failure.getClass().getSimpleName());
  }

  boolean up() {
    return "up".equals(last.state());
  }

  double rttSeconds() {
    long rtt = last.rttNanos();
    return rtt < 0 ? Double.NaN : rtt / 1e9;
  }

  JsonObject toJson() {
    Snapshot s = last;
    JsonObject json = new JsonObject().put("state", s.state());
    if (s.rttNanos() >= 0) {
      json.put("lastRoundTripMs", Math.round(s.rttNanos() / 10_000.0) / 100.0);
    }
    if (s.atMillis() > 0) {
      json.put("checkedMsAgo", System.currentTimeMillis() - s.atMillis());
    }
    if (s.problem() != null) {
      json.put("problem", s.problem());
    }
    return json;
  }
}
