package net.fsgateway.billing.journal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Records one journal step for many attempts in one statement (group commit): a step is written at once when no
 * write of it is in flight; steps that arrive meanwhile wait and go together in the next statement. Each caller's
 * future completes when the statement holding its step has, so a step is as durable as when written alone; under
 * load, signups share the round trip instead of each paying one. Safe from any thread.
 */
final class GroupedAdvance {
  private record Pending(long attemptId, Promise<Void> done) {
  }

  private final SqlClient client;
  private final String sql;
  private List<Pending> waiting = new ArrayList<>();
  private boolean inFlight;

  /** {@code sql} takes $1, a bigint[] of attempt ids. */
  GroupedAdvance(SqlClient client, String sql) {
    this.client = client;
    this.sql = sql;
  }

  Future<Void> record(long attemptId) {
    Promise<Void> done = Promise.promise();
    List<Pending> batch;
    synchronized (this) {
      waiting.add(new Pending(attemptId, done));
      if (inFlight) {
        return done.future();
      }
      batch = take();
    }
    write(batch);
    return done.future();
  }

  /** Under the lock: the waiting steps become the statement in flight. */
  private List<Pending> take() {
    List<Pending> batch = waiting;
    waiting = new ArrayList<>();
    inFlight = true;
    return batch;
  }

  private void write(List<Pending> batch) {
    Long[] ids = new Long[batch.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = batch.get(i).attemptId();
    }
    Tuple args = Tuple.tuple().addValue(ids); // not Tuple.of(ids): its varargs would spread the array
    client.preparedQuery(sql).execute(args).onComplete(result -> {
      List<Pending> next = null;
      synchronized (this) {
        inFlight = false;
        if (!waiting.isEmpty()) {
          next = take();
        }
      }
      for (Pending pending : batch) {
        if (result.succeeded()) {
          pending.done().complete();
        } else {
          pending.done().fail(result.cause());
        }
      }
      if (next != null) {
        write(next);
      }
    });
  }
}
