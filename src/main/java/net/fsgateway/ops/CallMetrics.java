package net.fsgateway.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's own meters. Every label comes from a closed set: the method (a registered name, a
 * {@code system.*} name, or {@code other}), the outcome ({@link CallOutcome}), the payment type (a known payby or
 * {@code other}). Meters are made on first use and cached, so the hot path is two map reads.
 */
final class CallMetrics {
  /** Latency buckets from a cached session check (≈1 ms) to a signup's processor wait and the call timeout. */
  private static final Duration[] BUCKETS = {
      Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
      Duration.ofSeconds(30)};

  private final MeterRegistry registry;
  private final Map<String, Map<String, Timer>> calls = new ConcurrentHashMap<>();
  private final Map<String, Counter> signups = new ConcurrentHashMap<>();
  private final Counter throttledLogins;

  CallMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.throttledLogins = Counter.builder("fsgw.login.throttled")
        .description("agent_login calls refused by the login throttle (a user or address locked out)")
        .register(registry);
    ProcessCounters.bind(registry);
  }

  void call(String method, String outcome, long nanos) {
    calls.computeIfAbsent(method, m -> new ConcurrentHashMap<>())
        .computeIfAbsent(outcome, o -> timer(method, o))
        .record(nanos, TimeUnit.NANOSECONDS);
    if (CallOutcome.LOGIN_THROTTLED.equals(outcome)) {
      throttledLogins.increment();
    }
  }

  void signup(String payby, String outcome) {
    signups.computeIfAbsent(payby + ' ' + outcome, key -> Counter.builder("fsgw.signups")
        .description("new_customer calls by payment type and outcome")
        .tag("payby", payby).tag("outcome", outcome)
        .register(registry)).increment();
  }

  private Timer timer(String method, String outcome) {
    return Timer.builder("fsgw.calls")
        .description("XML-RPC calls by method and outcome, from request to answer")
        .tag("method", method).tag("outcome", outcome)
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }
}
