package net.fsgateway.resilience;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps resellers apart in one gateway process: each agent runs at most its limit of session-scoped calls at
 * once ({@code limits.agentMaxInFlight}, or its own from {@code admin agent set-limits}); the next ones wait in
 * the agent's own queue, first come first served, at most {@code limits.agentMaxQueued} of them and at most
 * {@code limits.agentQueueWaitMs} each. A call that finds the queue full or waits too long is refused with
 * -32003 ({@link FailureCause#AGENT_LIMIT}). One reseller's burst then holds its own slots and queue, never the
 * connections and queue slots the others need. Shared by every event loop: each agent's lane is locked briefly.
 */
public final class AgentGate implements Shareable {
  private static final String MAP = "fsgw.agentGate";

  private final Vertx vertx;
  private final int maxQueued;
  private final long maxWaitMs;
  private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

  /** A call waiting for a slot, on the context it will run on. */
  private record Waiter(Promise<Void> slot, Context context, long[] timer) {
  }

  /** One agent's running count and queue. */
  private static final class Lane {
    int running;
    final ArrayDeque<Waiter> queue = new ArrayDeque<>();
  }

  AgentGate(Vertx vertx, int maxQueued, long maxWaitMs) {
    this.vertx = vertx;
    this.maxQueued = maxQueued;
    this.maxWaitMs = maxWaitMs;
  }

  /** The one gate of this Vert.x instance (the first caller's settings make it). */
  public static AgentGate shared(Vertx vertx, int maxQueued, long maxWaitMs) {
    return vertx.sharedData().<String, AgentGate>getLocalMap(MAP)
        .computeIfAbsent("gate", k -> new AgentGate(vertx, maxQueued, maxWaitMs));
  }

  /** Completes when the agent may run one more call (then {@link #leave} once); fails when it is refused. */
  public Future<Void> enter(long agentnum, int limit) {
    Lane lane = lanes.computeIfAbsent(agentnum, k -> new Lane());
    Waiter waiter;
    synchronized (lane) {
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

  /** Gives a slot back: to the agent's first waiting call, if any. */
  public void leave(long agentnum) {
    Lane lane = lanes.get(agentnum);
    if (lane == null) {
      return;
    }
    Waiter next;
    synchronized (lane) {
      next = lane.queue.poll();
      if (next == null) {
        lane.running--;
        return;
      }
    }
    vertx.cancelTimer(next.timer[0]);
    next.context.runOnContext(ignored -> next.slot.complete());
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
