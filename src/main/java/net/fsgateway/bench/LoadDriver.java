package net.fsgateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import net.fsgateway.xmlrpc.MethodResponse;

/**
 * Runs a scenario closed-loop or open-loop on the calling Vert.x context (one event loop, so scenario and stats
 * need no locks). Requests that started during the warm-up are sent but not recorded; no new request starts after
 * the duration or the request bound, and the run completes when the last one in flight has answered.
 */
public final class LoadDriver {
  private static final long TICK_MS = 1;

  private final Vertx vertx;
  private final RpcClient client;
  private final Scenario scenario;
  private final BenchSettings settings;
  private final RunStats stats = new RunStats();
  private final Promise<RunStats> done = Promise.promise();
  private long measureFrom;
  private long stopAt;
  private long stoppedAt;
  private long measuredStarts;
  private int inFlight;
  private boolean stopping;

  public LoadDriver(Vertx vertx, RpcClient client, Scenario scenario, BenchSettings settings) {
    this.vertx = vertx;
    this.client = client;
    this.scenario = scenario;
    this.settings = settings;
  }

  /** Call on a Vert.x event-loop context, after the scenario's set-up. */
  public Future<RunStats> run() {
    long start = System.nanoTime();
    measureFrom = start + settings.warmup().toNanos();
    stopAt = settings.duration().isZero() ? Long.MAX_VALUE : measureFrom + settings.duration().toNanos();
    // A mark for scripts that sample CPU counters over exactly the measured window (run-fleet-benchmarks.sh).
    vertx.setTimer(Math.max(1, settings.warmup().toMillis()), id -> System.err.println("bench: measuring"));
    if (settings.openLoop()) {
      OpenLoopSchedule schedule = new OpenLoopSchedule(start, settings.rate());
      long[] next = {0};
      vertx.setPeriodic(TICK_MS, timer -> {
        long due = schedule.dueBy(System.nanoTime());
        for (; next[0] < due && !shouldStop(schedule.dueAt(next[0])); next[0]++) {
          send(schedule.dueAt(next[0]));
        }
        if (stopping) {
          vertx.cancelTimer(timer);
          finishIfIdle();
        }
      });
    } else {
      for (int i = 0; i < settings.concurrency(); i++) {
        loop();
      }
    }
    return done.future();
  }

  private void loop() {
    if (!shouldStop(System.nanoTime())) {
      send(System.nanoTime()).onComplete(ar -> {
        if (ar.succeeded()) {
          loop();
        } else {
          // A refused connection can fail without a round trip; go through the task queue, not the stack.
          vertx.runOnContext(v -> loop());
        }
      });
    } else {
      finishIfIdle();
    }
  }

  /** Whether a request starting at {@code startNanos} must not be sent; once true, stays true. */
  private boolean shouldStop(long startNanos) {
    if (!stopping && (startNanos >= stopAt || (settings.maxRequests() > 0 && measuredStarts >= settings.maxRequests()))) {
      stopping = true;
      stoppedAt = Math.min(startNanos, stopAt);
    }
    return stopping;
  }

  /** Sends the next call; its latency runs from {@code startNanos}, the due time in an open loop. */
  private Future<MethodResponse> send(long startNanos) {
    Call call = scenario.next();
    boolean measured = startNanos >= measureFrom;
    if (measured) {
      measuredStarts++;
    }
    inFlight++;
    return client.send(call.body()).andThen(ar -> {
      inFlight--;
      long latency = System.nanoTime() - startNanos;
      if (ar.succeeded()) {
        scenario.answered(call, ar.result());
      }
      if (measured) {
        Verdict verdict = ar.succeeded() ? call.expectation().judge(ar.result()) : Verdict.UNEXPECTED;
        String detail = ar.succeeded() ? Expectation.errorOf(ar.result()) : String.valueOf(ar.cause().getMessage());
        stats.record(call.method(), latency, verdict, detail);
      }
      finishIfIdle();
    });
  }

  private void finishIfIdle() {
    if (stopping && inFlight == 0 && !done.future().isComplete()) {
      stats.elapsedNanos(Math.max(0, stoppedAt - measureFrom));
      done.complete(stats);
    }
  }
}
