package net.fsgateway.billing.journal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One statement for many callers (group commit): an item is written at once when no statement of this kind is in
 * flight; items that arrive meanwhile wait and go together in the next one. Each caller's future completes when
 * the statement holding its item has, with that item's own result, so an item is exactly as durable as when
 * written alone; under load, callers share the round trip (and the commit's WAL flush) instead of each paying
 * one. Safe from any thread.
 *
 * @param <I> what a caller writes
 * @param <O> what the statement answers for each item, in the items' order
 */
final class GroupCommit<I, O> {
  private record Pending<I, O>(I item, Promise<O> done) {
  }

  private final Function<List<I>, Future<List<O>>> statement;
  private List<Pending<I, O>> waiting = new ArrayList<>();
  private boolean inFlight;

  /** {@code statement} writes the items given and answers one result per item, in their order. */
  GroupCommit(Function<List<I>, Future<List<O>>> statement) {
    this.statement = statement;
  }

  Future<O> write(I item) {
    Promise<O> done = Promise.promise();
    List<Pending<I, O>> batch;
    synchronized (this) {
      waiting.add(new Pending<>(item, done));
      if (inFlight) {
        return done.future();
      }
      batch = take();
    }
    run(batch);
    return done.future();
  }

  /** Under the lock: the waiting items become the statement in flight. */
  private List<Pending<I, O>> take() {
    List<Pending<I, O>> batch = waiting;
    waiting = new ArrayList<>();
    inFlight = true;
    return batch;
  }

  private void run(List<Pending<I, O>> batch) {
    List<I> items = new ArrayList<>(batch.size());
    for (Pending<I, O> pending : batch) {
      items.add(pending.item());
    }
    Future<List<O>> written;
    try {
      written = statement.apply(items);
    } catch (RuntimeException e) {
      written = Future.failedFuture(e);
    }
    written.onComplete(result -> {
      List<Pending<I, O>> next = null;
      synchronized (this) {
        inFlight = false;
        if (!waiting.isEmpty()) {
          next = take();
        }
      }
      for (int i = 0; i < batch.size(); i++) {
        Promise<O> done = batch.get(i).done();
        if (result.failed()) {
          done.fail(result.cause());
        } else if (i < result.result().size()) {
          done.complete(result.result().get(i));
        } else {
          done.fail(new IllegalStateException("the statement answered " + result.result().size() + " of "
              + batch.size() + " items"));
        }
      }
      if (next != null) {
        run(next);
      }
    });
  }
}
