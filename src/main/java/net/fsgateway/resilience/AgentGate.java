package net.fsgateway.resilience;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps resellers apart in one gateway process: each agent runs at most its limit of session-scoped calls at
 * once ({@code limits.agentMaxInFlight}, or its own from {@code admin agent set-limits}); the next ones wait in
 * the agent's own queue, first come first served, at most {@code limits.agentMaxQueued} of them and at most
 * {@code limits.agentQueueWaitMs} each. A call that finds the queue full or waits too long is refused with
 * -32003 ({@link FailureCause#AGENT_LIMIT}). One reseller's burst then holds its own slots and queue, never the
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
  private final int sharedInFlight;
  private final ActiveAgents active = new ActiveAgents();
  private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

  /** A call waiting for a slot, on the context it will run on. */
  private record Waiter(Promise<Void> slot, Context context, long[] timer) {
  }

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
    this.sharedInFlight = sharedInFlight;
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
      waiter = new Waiter(Promise.promise(), vertx.getOrCreateContext(), new long[1]);
      lane.queue.add(waiter);
    }
    waiter.timer[0] = vertx.setTimer(maxWaitMs, fired -> expire(lane, waiter, agentnum, limit));
    return waiter.slot.future();
  }

  /** Gives a slot back: to the agent's first waiting calls, as many as its limit allows now. */
  public void leave(long agentnum) {
    Lane lane = lanes.get(agentnum);
    if (lane == null) {
      return;
    }
    List<Waiter> next = new ArrayList<>(1);
    synchronized (lane) {
      lane.running--;
      int limit = limit(lane.ownLimit);
      while (lane.running < limit && !lane.queue.isEmpty()) {
        next.add(lane.queue.poll());
        lane.running++;
      }
    }
    for (Waiter waiter : next) {
      vertx.cancelTimer(waiter.timer[0]);
      waiter.context.runOnContext(ignored -> waiter.slot.complete());
    }
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

  private void expire(Lane lane, Waiter waiter, long agentnum, int limit) {
    boolean removed;
    synchronized (lane) {
      removed = lane.queue.remove(waiter);
    }
    if (removed) {
      waiter.slot.fail(refused(agentnum, limit, "no slot within " + maxWaitMs + " ms"));
    }
  }

  private static BackendFailure refused(long agentnum, int limit, String why) {
    return new BackendFailure(FailureCause.AGENT_LIMIT, "agentnum " + agentnum + " has " + limit
        + " calls in flight and " + why);
  }
}
