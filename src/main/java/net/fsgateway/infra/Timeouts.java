package net.fsgateway.infra;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Timeouts of one length, armed per call and nearly always cancelled (a call's deadline, a backend's): on an
 * event loop they share one queue and one timer there. Armed in order, timeouts of one length run out in order,
 * so a FIFO and one timer for its earliest live entry replace a Vert.x timer set and cancelled per call (a map
 * entry, a scheduled task, its removal from the loop's queue: measured, the largest owner of check_username's
 * dispatch cost). A cancelled timeout is only marked; marked ones leave the head of the queue when the next one is
 * armed or the timer fires, so the queue holds about the calls in flight. Behind one that hangs (a client
 * trickling its body for the whole deadline) the marked ones are swept out whenever the queue has doubled since
 * the last sweep, so it never holds more than about twice the live timeouts (and at least {@value #SWEEP_FROM}).
 * Off an event-loop thread (a worker, no Vert.x context) an ordinary timer is used.
 *
 * <p>The action may still run after a cancel from another thread (a flag, not a lock): it must be harmless once
 * the work is done, as a {@code tryComplete} is.
 */
public final class Timeouts {
  /** The queue size below which cancelled entries are left to leave by the head. */
  static final int SWEEP_FROM = 1024;

  private final Vertx vertx;
  private final long millis;
  private final long nanos;

  public Timeouts(Vertx vertx, long millis) {
    this.vertx = vertx;
    this.millis = Math.max(1, millis);
    this.nanos = TimeUnit.MILLISECONDS.toNanos(this.millis);
  }

  /** Runs {@code onTimeout} on the calling context once the length has passed, unless cancelled before. */
  public Timeout arm(Runnable onTimeout) {
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext() || !Context.isOnEventLoopThread()) {
      return new TimerTimeout(vertx, vertx.setTimer(millis, fired -> onTimeout.run()));
    }
    // Context data is shared by a context and its duplicates (one per HTTP request): one queue per event loop.
    return queueOf(context).arm(onTimeout);
  }

  /** Timeouts held (live or cancelled) on the calling event loop; for tests. */
  int held() {
    return queueOf(Vertx.currentContext()).entries.size();
  }

  private Queue queueOf(Context context) {
    Queue queue = context.get(this);
    if (queue == null) {
      queue = new Queue();
      context.put(this, queue);
    }
    return queue;
  }

  /** An armed timeout. */
  public interface Timeout {
    void cancel();
  }

  private record TimerTimeout(Vertx vertx, long timerId) implements Timeout {
    @Override
    public void cancel() {
      vertx.cancelTimer(timerId);
    }
  }

  private static final class Entry implements Timeout {
    final long dueNanos;
    final Runnable action;
    boolean cancelled;

    Entry(long dueNanos, Runnable action) {
      this.dueNanos = dueNanos;
      this.action = action;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  /** The timeouts of one event loop, in arrival (so in due) order; touched on that loop's thread only. */
  private final class Queue {
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private boolean timerSet;
    private int sweepAt = SWEEP_FROM;

    Entry arm(Runnable action) {
      dropCancelledHead();
      if (entries.size() >= sweepAt) {
        entries.removeIf(entry -> entry.cancelled);
        sweepAt = Math.max(SWEEP_FROM, 2 * entries.size());
      }
      Entry entry = new Entry(System.nanoTime() + nanos, action);
      entries.addLast(entry);
      if (!timerSet) {
        schedule(millis);
      }
      return entry;
    }

    private void fire() {
      timerSet = false;
      long now = System.nanoTime();
      Entry head;
      while ((head = entries.peekFirst()) != null && (head.cancelled || head.dueNanos - now <= 0)) {
        entries.pollFirst();
        if (!head.cancelled) {
          head.cancelled = true;
          head.action.run(); // may arm another one, which sets the timer
        }
      }
      head = entries.peekFirst();
      if (head != null && !timerSet) {
        schedule(Math.max(1, TimeUnit.NANOSECONDS.toMillis(head.dueNanos - now + 999_999)));
      }
    }

    private void schedule(long delayMs) {
      timerSet = true;
      vertx.setTimer(delayMs, fired -> fire());
    }

    private void dropCancelledHead() {
      Entry head;
      while ((head = entries.peekFirst()) != null && head.cancelled) {
        entries.pollFirst();
      }
    }
  }
}
