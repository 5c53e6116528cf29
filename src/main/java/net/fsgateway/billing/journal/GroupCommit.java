package net.fsgateway.billing.journal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One statement for many callers (group commit): an item is written at once when no statement of this kind is in
 * flight; items that arrive meanwhile wait and go together in the next one. Each caller's future completes when
 * the statement holding its item has, with that item's own result, so an item is exactly as durable as when
 * written alone; under load, callers share the round trip (and the commit's WAL flush) instead of each paying
 * one. Safe from any thread.
 *
 * <p>With a linger, items never go at once: the first to arrive while nothing is in flight or waiting starts the
 * linger, and what arrived by its end goes in one statement. For writes nobody waits for (the journal's
 * 'captured', written after the answer), so that under load a statement carries tens of items instead of the few
 * that arrive during one round trip.
 *
 * @param <I> what a caller writes
 * @param <O> what the statement answers for each item, in the items' order
 */
final class GroupCommit<I, O> {
  private record Pending<I, O>(I item, Promise<O> done) {
  }

  private final Function<List<I>, Future<List<O>>> statement;
  /** Runs its task after the linger; null: no linger. */
  private final Consumer<Runnable> linger;
  private List<Pending<I, O>> waiting = new ArrayList<>();
  /** A statement is in flight or a linger is running: new items wait. */
  private boolean busy;

  /** {@code statement} writes the items given and answers one result per item, in their order. */
  GroupCommit(Function<List<I>, Future<List<O>>> statement) {
    this(statement, null);
  }

  /** As {@link #GroupCommit(Function)}, items gathered for a while first: {@code linger} runs its task later. */
  GroupCommit(Function<List<I>, Future<List<O>>> statement, Consumer<Runnable> linger) {
    this.statement = statement;
    this.linger = linger;
  }

  Future<O> write(I item) {
    Promise<O> done = Promise.promise();
    List<Pending<I, O>> batch;
    synchronized (this) {
      waiting.add(new Pending<>(item, done));
      if (busy) {
        return done.future();
      }
      busy = true;
      batch = linger == null ? take() : null;
    }
    if (batch == null) {
      linger.accept(this::lingered);
    } else {
      run(batch);
    }
    return done.future();
  }

  /** Under the lock: the waiting items become the statement in flight. */
  private List<Pending<I, O>> take() {
    List<Pending<I, O>> batch = waiting;
    waiting = new ArrayList<>();
    return batch;
  }

  private void lingered() {
    List<Pending<I, O>> batch;
    synchronized (this) {
      batch = take();
    }
    run(batch);
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
      boolean lingerAgain = false;
      synchronized (this) {
        if (waiting.isEmpty()) {
          busy = false;
        } else if (linger == null) {
          next = take();
        } else {
          lingerAgain = true;
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
      } else if (lingerAgain) {
        linger.accept(this::lingered);
      }
    });
  }
}
