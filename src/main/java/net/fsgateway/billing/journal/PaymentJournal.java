package net.fsgateway.billing.journal;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The durable record of every payment attempt: one row written before the processor is called, advanced after
 * each step. Each call is one PostgreSQL round trip outside the signup's own statements.
 */
public final class PaymentJournal {
  private final SqlClient client;
  private final String processor;

  public PaymentJournal(SqlClient client, String processor) {
    this.client = client;
    this.processor = processor;
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
