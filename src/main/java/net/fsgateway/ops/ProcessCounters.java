package net.fsgateway.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import net.fsgateway.resilience.FailureCause;
import net.fsgateway.resilience.FailureLog;

/**
 * Counts kept where the work happens (the session cache, the payments) and read by the meter registry when scraped: a
 * {@link LongAdder} costs the hot path one uncontended add, and the session code needs no Micrometer type.
 */
public final class ProcessCounters {
  private static final LongAdder SESSION_CACHE_HITS = new LongAdder();
  private static final LongAdder SESSION_CACHE_MISSES = new LongAdder();
  private static final AtomicLong CAPTURES_PENDING = new AtomicLong();

  private ProcessCounters() {
  }

  /** A session resolved from memory. */
  public static void sessionCacheHit() {
    SESSION_CACHE_HITS.increment();
  }

  /** A session that had to be read from Redis. */
  public static void sessionCacheMiss() {
    SESSION_CACHE_MISSES.increment();
  }

  /** A capture started after its signup was answered. */
  public static void captureStarted() {
    CAPTURES_PENDING.incrementAndGet();
  }

  /** A capture ended (captured, or left to the sweeper). */
  public static void captureEnded() {
    CAPTURES_PENDING.decrementAndGet();
  }

  /** Captures started and not yet ended, in this process. */
  public static long capturesPending() {
    return CAPTURES_PENDING.get();
  }

  static void bind(MeterRegistry registry) {
    // Every cause, from 0: a rate() over a counter that appears only at the first failure misses that failure.
    for (FailureCause cause : FailureCause.values()) {
      FunctionCounter.builder("fsgw.call.failures", cause, c -> FailureLog.shared().total(c)).tag("cause", cause.key())
          .description("calls failed by a backend condition or a limit, by cause (shed, agent.limit, pg.timeout…)")
          .register(registry);
    }
    Gauge.builder("fsgw.payment.captures.pending", CAPTURES_PENDING, AtomicLong::get)
        .description("captures of answered signups still with the processor (a growing number: a slow processor)")
        .register(registry);
    FunctionCounter.builder("fsgw.session.cache", SESSION_CACHE_HITS, LongAdder::sum).tag("result", "hit")
        .description("session lookups answered from the gateway's memory or read from Redis").register(registry);
    FunctionCounter.builder("fsgw.session.cache", SESSION_CACHE_MISSES, LongAdder::sum).tag("result", "miss")
        .description("session lookups answered from the gateway's memory or read from Redis").register(registry);
    FunctionCounter.builder("fsgw.log.dropped", BatchedConsoleAppender.DROPPED, LongAdder::sum)
        .description("log lines dropped because the log writer's queue was full or stdout failed").register(registry);
  }
}
