package net.fsgateway.resilience;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many agents called within the last {@value #ACTIVE_MS} ms: the agents {@link AgentGate} splits
 * {@code limits.sharedInFlight} between. The window is longer than the gaps of a steady caller (at 40 calls a
 * second a call runs a fifth of the time), so it keeps its share between its calls. Recounted by the call of an
 * agent that was idle (its share starts at once) and otherwise at most every {@value #RECOUNT_MS} ms, by one
 * caller, over every agent seen: the count follows agents going idle without a timer and costs one pass over the
 * agents a tenth of a second.
 */
final class ActiveAgents {
  static final long ACTIVE_MS = 1_000;
  static final long RECOUNT_MS = 100;
  private static final long ACTIVE_NANOS = TimeUnit.MILLISECONDS.toNanos(ACTIVE_MS);
  private static final long RECOUNT_NANOS = TimeUnit.MILLISECONDS.toNanos(RECOUNT_MS);
  private static final long TOUCH_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final AtomicLong countedAtNanos = new AtomicLong(System.nanoTime());
  private volatile int count;

  /** {@code lane}'s agent calls now; {@code lanes}: every agent's, to recount. */
  void called(AgentGate.Lane lane, Collection<AgentGate.Lane> lanes) {
    long now = System.nanoTime();
    long last = lane.lastCallNanos;
    boolean wasIdle = now - last > ACTIVE_NANOS || last == 0;
    // Written at most every TOUCH_NANOS: a store to a line every event loop reads costs each call a cache miss on
    // the other cores, and a second's window does not need a fresher time.
    if (now - last > TOUCH_NANOS || last == 0) {
      lane.lastCallNanos = now;
    }
    long counted = countedAtNanos.get();
    if ((wasIdle || now - counted > RECOUNT_NANOS) && countedAtNanos.compareAndSet(counted, now)) {
      int active = 0;
      for (AgentGate.Lane each : lanes) {
        if (now - each.lastCallNanos <= ACTIVE_NANOS) {
          active++;
        }
      }
      count = active;
    }
  }

  int count() {
    return count;
  }
}
