package net.fsgateway.billing.journal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The durable record of every payment attempt: one row written before the processor is called, advanced after
 * each step. The attempt is a synchronous commit before the processor is called; 'authorized' is written by the
 * signup's own statement (it commits with the customer); 'captured' comes after the answer. The attempt and
 * 'captured' are group-committed ({@link GroupCommit}): under load, signups share their round trips.
 */
public final class PaymentJournal {
  /**
   * How long a 'captured' waits for others to share its statement. Nobody waits for it (the answer has gone),
   * and an attempt left 'authorized' a moment longer is what a crash leaves anyway (the sweeper captures it
   * again, which the processor answers as already captured). At 1,000 signups/s a statement carries about ten
   * instead of two or three: fewer round trips for the gateway and fewer transactions for PostgreSQL (issue 15).
   */
  static final long CAPTURE_LINGER_MS = 10;

  private record Attempt(long agentnum, String payby, BigDecimal amount) {
  }

  private final SqlClient client;
  private final GroupCommit<Attempt, Long> attempts;
  private final GroupCommit<Long, Void> captured;

  /**
   * {@code client} writes the attempt and the sweeper's steps; {@code asyncCommit} (synchronous_commit off) the
   * group-committed 'captured'. Safe because a lost 'captured' (a PostgreSQL crash before the next WAL flush)
   * leaves 'authorized' with a committed customer: the sweeper captures again, which the processor answers as
   * already captured. The attempt itself ('new') is written with a synchronous commit, before the processor is
   * called, so an authorization can always be found and voided.
   */
  public PaymentJournal(Vertx vertx, SqlClient client, SqlClient asyncCommit, String processor) {
    this.client = client;
    this.attempts = new GroupCommit<>(batch -> begin(client, processor, batch));
    this.captured = new GroupCommit<>(ids -> asyncCommit.preparedQuery(JournalQueries.CAPTURED)
        // not Tuple.of(array): its varargs would spread the array
        .execute(Tuple.tuple().addValue(ids.toArray(new Long[0])))
        .map(rows -> Collections.nCopies(ids.size(), (Void) null)),
        task -> vertx.setTimer(CAPTURE_LINGER_MS, id -> task.run()));
  }

  /** authorized → captured; written together with other signups' (group commit, after a linger). */
  public Future<Void> captured(long attemptId) {
    return captured.write(attemptId);
  }

  /**
   * A new attempt, durable (a synchronous commit) when the future completes; written together with other
   * signups' (group commit). Its id is also the order's invoice number at the processor.
   */
  public Future<Long> begin(long agentnum, String payby, BigDecimal amount) {
    return attempts.write(new Attempt(agentnum, payby, amount));
  }

  private static Future<List<Long>> begin(SqlClient client, String processor, List<Attempt> batch) {
    Long[] agents = new Long[batch.size()];
    String[] paybys = new String[batch.size()];
    String[] amounts = new String[batch.size()];
    for (int i = 0; i < agents.length; i++) {
      agents[i] = batch.get(i).agentnum();
      paybys[i] = batch.get(i).payby();
      amounts[i] = batch.get(i).amount().toPlainString();
    }
    return client.preparedQuery(JournalQueries.BEGIN)
        .execute(Tuple.tuple().addValue(agents).addValue(paybys).addValue(amounts).addValue(processor))
        .map(rows -> {
          List<Long> ids = new ArrayList<>(batch.size());
          for (Row row : rows) {
            ids.add(row.getLong(0));
          }
          return ids;
        });
  }

  /** Moves the attempt to {@code to} if it is in one of {@code from}; true if it moved. */
  public Future<Boolean> advance(long attemptId, JournalState to, String reference, String detail,
                                 JournalState... from) {
    return advance(client, attemptId, to, reference, detail, from);
  }

  static Future<Boolean> advance(SqlClient client, long attemptId, JournalState to, String reference, String detail,
                                 JournalState... from) {
    String[] states = Arrays.stream(from).map(JournalState::column).toArray(String[]::new);
    return client.preparedQuery(JournalQueries.ADVANCE)
        .execute(Tuple.of(attemptId, to.column(), reference, detail, states))
        .map(rows -> rows.rowCount() == 1);
  }
}
