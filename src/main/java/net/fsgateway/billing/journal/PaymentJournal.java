package net.fsgateway.billing.journal;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The durable record of every payment attempt: one row written before the processor is called, advanced after
 * each step. Each step is one PostgreSQL round trip outside the signup's own statements; the two steps of every
 * approved signup (authorized, captured) are group-committed, so under load signups share them.
 */
public final class PaymentJournal {
  private final SqlClient client;
  private final String processor;
  private final GroupedAdvance authorized;
  private final GroupedAdvance captured;

  public PaymentJournal(SqlClient client, String processor) {
    this.client = client;
    this.processor = processor;
    this.authorized = new GroupedAdvance(client, JournalQueries.AUTHORIZED, true);
    this.captured = new GroupedAdvance(client, JournalQueries.CAPTURED, false);
  }

  /** new → authorized with the processor's reference; written together with other signups' (group commit). */
  public Future<Void> authorized(long attemptId, String reference) {
    return authorized.record(attemptId, reference);
  }

  /** authorized → captured; written together with other signups' (group commit). */
  public Future<Void> captured(long attemptId) {
    return captured.record(attemptId, "");
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
