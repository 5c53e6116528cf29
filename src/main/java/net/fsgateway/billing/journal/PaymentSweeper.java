package net.fsgateway.billing.journal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.fsgateway.billing.PaymentProcessor;
import net.fsgateway.billing.ProcessorRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles what a crash left half-done: an authorization whose customer committed is captured, one whose customer
 * does not exist is voided, and an attempt that never recorded the processor's answer (a crash, a timeout, a
 * dropped connection) is looked up at the processor by its invoice number and voided if it was authorized,
 * closed as failed if not. Runs at start-up and every
 * {@code billing.journal.sweepIntervalSeconds}, on attempts untouched for {@code billing.journal.sweepAfterSeconds}
 * (a running signup finishes well before). Each batch is one transaction holding its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so many gateways sweep side by side without settling an attempt twice. A
 * processor that cannot be reached leaves the attempt for the next sweep.
 */
public final class PaymentSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentSweeper.class);
  private static final int BATCH = 50;

  private final Pool pool;
  private final PaymentProcessor processor;
  private final String processorName;
  private final int afterSeconds;

  public PaymentSweeper(Pool pool, PaymentProcessor processor, String processorName, int afterSeconds) {
    this.pool = pool;
    this.processor = processor;
    this.processorName = processorName;
    this.afterSeconds = afterSeconds;
  }

  /** Sweeps now, then every {@code intervalSeconds}; returns the timer id. */
  public long schedule(Vertx vertx, int intervalSeconds) {
    sweepLogged();
    return vertx.setPeriodic(intervalSeconds * 1000L, ignored -> sweepLogged());
  }

  /** One batch; completes with how many attempts it settled. */
  public Future<Integer> sweep() {
    return pool.withTransaction(conn -> conn.preparedQuery(JournalQueries.CLAIM)
        .execute(Tuple.of(processorName, afterSeconds, BATCH))
        .compose(rows -> {
          List<Row> claimed = new ArrayList<>();
          rows.forEach(claimed::add);
          return settleInTurn(conn, claimed, 0, 0);
        }));
  }

  private void sweepLogged() {
    sweep().onSuccess(n -> {
      if (n > 0) {
        LOG.info("payment sweeper settled {} unfinished attempt(s)", n);
      }
    }).onFailure(failure -> LOG.warn("payment sweep failed: {}", failure.toString()));
  }

  private Future<Integer> settleInTurn(SqlConnection conn, List<Row> rows, int index, int settled) {
    if (index == rows.size()) {
      return Future.succeededFuture(settled);
    }
    return settle(conn, rows.get(index))
        .compose(done -> settleInTurn(conn, rows, index + 1, settled + (done ? 1 : 0)));
  }

  /**
   * An attempt whose answer never reached the journal: ask the processor whether it holds an authorization for
   * the attempt's invoice number; void it if so. Either way no customer can carry it (no reference was known).
   */
  private Future<Boolean> settleUnanswered(SqlConnection conn, long attempt, BigDecimal amount) {
    return processor.findAuthorization(Long.toString(attempt))
        .compose(found -> {
          if (found.isEmpty()) {
            return PaymentJournal.advance(conn, attempt, JournalState.FAILED, "", "no authorization at the processor",
                JournalState.NEW, JournalState.AUTHORIZED);
          }
          LOG.info("payment attempt {}: voiding authorization {} whose answer was never recorded", attempt, found);
          return processor.voidAuthorization(found, amount).compose(ok -> PaymentJournal.advance(conn, attempt,
              JournalState.VOIDED, found, "voided by the sweeper", JournalState.NEW, JournalState.AUTHORIZED));
        })
        .recover(failure -> unsettled(conn, attempt, "void", failure));
  }

  private Future<Boolean> unsettled(SqlConnection conn, long attempt, String step, Throwable failure) {
    if (failure instanceof ProcessorRefusal refusal) {
      LOG.error("payment attempt {}: the processor refused to {} it: {}", attempt, step, refusal.getMessage());
      return PaymentJournal.advance(conn, attempt, JournalState.FAILED, "", "sweeper: " + refusal.getMessage(),
          JournalState.NEW, JournalState.AUTHORIZED);
    }
    LOG.warn("payment attempt {} left for the next sweep: {}", attempt, failure.toString());
    return Future.succeededFuture(false);
  }

  private Future<Boolean> settle(SqlConnection conn, Row row) {
    long attempt = row.getLong("attempt_id");
    String reference = row.getString("reference");
    BigDecimal amount = row.getBigDecimal("amount");
    if (JournalState.NEW.column().equals(row.getString("state")) || reference.isEmpty()) {
      return settleUnanswered(conn, attempt, amount);
    }
    boolean committed = row.getBoolean("committed");
    Future<Void> step = committed ? processor.capture(reference, amount)
        : processor.voidAuthorization(reference, amount);
    JournalState done = committed ? JournalState.CAPTURED : JournalState.VOIDED;
    return step
        .compose(ok -> PaymentJournal.advance(conn, attempt, done, "", "settled by the sweeper",
            JournalState.AUTHORIZED))
        .recover(failure -> unsettled(conn, attempt, committed ? "capture" : "void", failure));
  }
}
