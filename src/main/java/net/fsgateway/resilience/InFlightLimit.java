package net.fsgateway.resilience;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls in flight in this gateway process ({@code limits.maxInFlight}), counted from the moment a request's
 * headers arrive until its call is answered: beyond the limit a request is refused before its body is read into
 * objects, so a retry storm costs a counter and a short answer, not a decoder, a queued call and its memory.
 * One per Vert.x instance, shared by every HTTP verticle.
 */
public final class InFlightLimit implements Shareable {
  private static final String MAP = "fsgw.inflight";

  private final int max;
  private final AtomicInteger current = new AtomicInteger();

  InFlightLimit(int max) {
    this.max = max;
  }

  /** The one limit of this Vert.x instance (the first caller's {@code max} sets it). */
  public static InFlightLimit shared(Vertx vertx, int max) {
    return vertx.sharedData().<String, InFlightLimit>getLocalMap(MAP).computeIfAbsent("calls", k -> new InFlightLimit(max));
  }

  /** Takes a slot; false (and nothing taken) when every slot is in use. */
  public boolean tryEnter() {
    if (current.incrementAndGet() > max) {
      current.decrementAndGet();
      return false;
    }
    return true;
  }

  public void leave() {
    current.decrementAndGet();
  }

  /** Calls in flight now (for a gauge). */
  public int current() {
    return current.get();
  }

  public int max() {
    return max;
  }
}
