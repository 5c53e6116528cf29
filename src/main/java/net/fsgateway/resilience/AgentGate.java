package net.fsgateway.resilience;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps resellers apart in one gateway process: each agent runs at most its limit of session-scoped calls at
 * once ({@code limits.agentMaxInFlight}, or its own from {@code admin agent set-limits}); the next ones wait in
 * the agent's own queue, first come first served (within a few milliseconds: {@link #next}), at most
 * {@code limits.agentMaxQueued} of them and at most {@code limits.agentQueueWaitMs} each (checked a tenth of that
 * often by one timer). A call that finds the queue full or waits too long is refused with -32003
 * ({@link FailureCause#AGENT_LIMIT}). One reseller's burst then holds its own slots and queue, never the
 * connections and queue slots the others need. While more than one agent is active ({@link ActiveAgents}), each
 * runs at most its equal share of {@code limits.sharedInFlight}: a flood's admitted calls then leave CPU for the
 * others' calls, and a reseller alone keeps its whole limit. Shared by every event loop: each agent's lane is
 * locked briefly.
 */
public final class AgentGate implements Shareable {
  private static final String MAP = "fsgw.agentGate";

  private final Vertx vertx;
  private final int maxQueued;
  private final long maxWaitMs;
  private final long maxWaitNanos;
  private final int sharedInFlight;
  /**
   * How long the oldest waiter may let a younger one of the freeing event loop go first ({@link #next}): a
   * two-hundredth of the longest wait, 5 ms at the default second.
   */
  private final long localFirstNanos;
  private final ActiveAgents active = new ActiveAgents();
  private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
  /** Started at the first wait: one timer refuses every waiter past its time, instead of one timer per waiter. */
  private final AtomicBoolean sweeping = new AtomicBoolean();

  /** A call waiting for a slot, on the context it will run on. */
  private record Waiter(Promise<Void> slot, Context context, Thread loop, long enqueuedNanos, int limit) {
  }

  /** How far into the queue {@link #next} looks for a waiter of the freeing event loop. */
  private static final int LOCAL_LOOKAHEAD = 8;

  /** One agent's running count, queue and own limit (as of its last call). */
  static final class Lane {
    int running;
    int ownLimit;
    volatile long lastCallNanos;
    final ArrayDeque<Waiter> queue = new ArrayDeque<>();
  }

  /** {@code sharedInFlight}: 0 for no split (each agent always has its own limit). */
  AgentGate(Vertx vertx, int maxQueued, long maxWaitMs, int sharedInFlight) {
    this.vertx = vertx;
    this.maxQueued = maxQueued;
    this.maxWaitMs = maxWaitMs;
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMs);
    this.sharedInFlight = sharedInFlight;
    this.localFirstNanos = maxWaitNanos / 200;
  }

  /** The one gate of this Vert.x instance (the first caller's settings make it). */
  public static AgentGate shared(Vertx vertx, int maxQueued, long maxWaitMs, int sharedInFlight) {
    return vertx.sharedData().<String, AgentGate>getLocalMap(MAP)
        .computeIfAbsent("gate", k -> new AgentGate(vertx, maxQueued, maxWaitMs, sharedInFlight));
  }

  /** Completes when the agent may run one more call (then {@link #leave} once); fails when it is refused. */
  public Future<Void> enter(long agentnum, int ownLimit) {
    Lane lane = lanes.computeIfAbsent(agentnum, k -> new Lane());
    active.called(lane, lanes.values());
    Waiter waiter;
    int limit;
    synchronized (lane) {
      lane.ownLimit = ownLimit;
      limit = limit(ownLimit);
      if (lane.running < limit) {
        lane.running++;
        return Future.succeededFuture();
      }
      if (lane.queue.size() >= maxQueued) {
        return Future.failedFuture(refused(agentnum, limit, "its queue of " + maxQueued + " is full"));
      }
      waiter = new Waiter(Promise.promise(), vertx.getOrCreateContext(), Thread.currentThread(), System.nanoTime(),
          limit);
      lane.queue.add(waiter);
    }
    if (!sweeping.get() && sweeping.compareAndSet(false, true)) {
      vertx.setPeriodic(sweepEveryMs(), ignored -> sweep());
    }
    return waiter.slot.future();
  }

  /** Gives a slot back: to the agent's first waiting calls, as many as its limit allows now. */
  public void leave(long agentnum) {
    Lane lane = lanes.get(agentnum);
    if (lane == null) {
      return;
    }
    // Nearly always one slot for one waiter, or none: a list only for the rare rest (the limit was raised).
    Waiter first = null;
    List<Waiter> more = null;
    List<Waiter> late = null;
    synchronized (lane) {
      lane.running--;
      if (lane.queue.isEmpty()) {
        return;
      }
      long now = System.nanoTime();
      int limit = limit(lane.ownLimit);
      while (lane.running < limit && !lane.queue.isEmpty()) {
        Waiter waiter = next(lane.queue, now);
        if (now - waiter.enqueuedNanos >= maxWaitNanos) {
          late = late == null ? new ArrayList<>(1) : late;
          late.add(waiter);
        } else {
          lane.running++;
          if (first == null) {
            first = waiter;
          } else {
            more = more == null ? new ArrayList<>(1) : more;
            more.add(waiter);
          }
        }
      }
    }
    if (first != null) {
      settle(first, null);
    }
    if (more != null) {
      more.forEach(waiter -> settle(waiter, null));
    }
    refuse(agentnum, late);
  }

  /**
   * The waiter a slot freed on this thread goes to: the oldest, unless it waits on another event loop, has waited
   * less than {@link #localFirstNanos}, and one of the next few waits on this one. That one then starts here,
   * without a hop to the other thread (a queued task and, when that loop sleeps, a wake-up: at 64 connections of
   * one reseller every call waits, and half the hops crossed). Each loop frees slots for its own waiters, and the
   * oldest goes first once it has waited that long, so arrival order holds within a few milliseconds.
   */
  private Waiter next(ArrayDeque<Waiter> queue, long now) {
    Waiter oldest = queue.peekFirst();
    Thread here = Thread.currentThread();
    if (oldest.loop != here && now - oldest.enqueuedNanos < localFirstNanos) {
      Iterator<Waiter> waiters = queue.iterator();
      for (int looked = 0; looked < LOCAL_LOOKAHEAD && waiters.hasNext(); looked++) {
        Waiter waiter = waiters.next();
        if (waiter.loop == here) {
          waiters.remove();
          return waiter;
        }
      }
    }
    return queue.pollFirst();
  }

  /** Calls of the agent running now (for a gauge and tests). */
  public int running(long agentnum) {
    Lane lane = lanes.get(agentnum);
    if (lane == null) {
      return 0;
    }
    synchronized (lane) {
      return lane.running;
    }
  }

  /** An agent's limit now: its own, or its equal share of {@code sharedInFlight} while others are active. */
  private int limit(int ownLimit) {
    int agents = active.count();
    if (sharedInFlight == 0 || agents <= 1) {
      return ownLimit;
    }
    return Math.min(ownLimit, Math.max(1, sharedInFlight / agents));
  }

  /** The sweep's period: a tenth of the longest wait (at least 10 ms), so a refusal comes at most that late. */
  private long sweepEveryMs() {
    return Math.max(10, maxWaitMs / 10);
  }

  /** Refuses every waiter past its time; each lane's queue is in arrival order, so they are at its head. */
  private void sweep() {
    long now = System.nanoTime();
    for (Map.Entry<Long, Lane> entry : lanes.entrySet()) {
      Lane lane = entry.getValue();
      List<Waiter> late = null;
      synchronized (lane) {
        while (!lane.queue.isEmpty() && now - lane.queue.peek().enqueuedNanos >= maxWaitNanos) {
          late = late == null ? new ArrayList<>() : late;
          late.add(lane.queue.poll());
        }
      }
      refuse(entry.getKey(), late);
    }
  }

  private void refuse(long agentnum, List<Waiter> late) {
    if (late == null) {
      return;
    }
    for (Waiter waiter : late) {
      settle(waiter, refused(agentnum, waiter.limit, "no slot within " + maxWaitMs + " ms"));
    }
  }

  /**
   * Completes a waiter as a task on its own context: never inline, where a queue of calls that end at once would
   * each start the next one deeper in the stack.
   */
  private static void settle(Waiter waiter, BackendFailure refusal) {
    waiter.context.runOnContext(ignored -> {
      if (refusal == null) {
        waiter.slot.complete();
      } else {
        waiter.slot.fail(refusal);
      }
    });
  }

  private static BackendFailure refused(long agentnum, int limit, String why) {
    return new BackendFailure(FailureCause.AGENT_LIMIT, "agentnum " + agentnum + " has " + limit
        + " calls in flight and " + why);
  }
}
