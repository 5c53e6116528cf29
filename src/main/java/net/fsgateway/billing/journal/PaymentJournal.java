package net.fsgateway.billing.journal;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The durable record of every payment attempt: one row written before the processor is called, advanced after
 * each step. The attempt is one PostgreSQL round trip with a synchronous commit; 'authorized' is written by the
 * signup's own statement (it commits with the customer); 'captured', after the answer, is group-committed, so
 * under load signups share it.
 */
public final class PaymentJournal {
  private final SqlClient client;
  private final String processor;
  private final GroupedAdvance captured;

  /**
   * {@code client} writes the attempt and the sweeper's steps; {@code asyncCommit} (synchronous_commit off) the
   * group-committed 'captured'. Safe because a lost 'captured' (a PostgreSQL crash before the next WAL flush)
   * leaves 'authorized' with a committed customer: the sweeper captures again, which the processor answers as
   * already captured. The attempt itself ('new') is written with a synchronous commit, before the processor is
   * called, so an authorization can always be found and voided.
   */
  public PaymentJournal(SqlClient client, SqlClient asyncCommit, String processor) {
    this.client = client;
    this.processor = processor;
    this.captured = new GroupedAdvance(asyncCommit, JournalQueries.CAPTURED);
  }

  /** authorized → captured; written together with other signups' (group commit). */
  public Future<Void> captured(long attemptId) {
    return captured.record(attemptId);
  }

  /** A new attempt; its id is also the order's invoice number at the processor. */
  public Future<Long> begin(long agentnum, String payby, BigDecimal amount) {
    return client.preparedQuery(JournalQueries.BEGIN).execute(Tuple.of(agentnum, processor, payby, amount))
        .map(rows -> rows.iterator().next().getLong(0));
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
