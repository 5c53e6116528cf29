package net.fsgateway.billing.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.fsgateway.infra.PgBudget;
import net.fsgateway.infra.PgPools;
import net.fsgateway.support.TestBackends;
import net.fsgateway.support.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The journal's steps, and its group-committed ones keeping every attempt's own reference. */
@Timeout(60)
class PaymentJournalTest {
  private final Vertx vertx = Vertx.vertx();
  private final Pool pool = PgPools.create(vertx, TestBackends.pg(), TestGateway.productionDeadlines());
  private final PaymentJournal journal = new PaymentJournal(pool, PgPools.asyncCommit(vertx, TestBackends.pg(),
      TestGateway.productionDeadlines(), PgBudget.JOURNAL_CONNECTIONS),
      "journal-test");

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void manyConcurrentStepsEachRecordTheirOwnReference() throws Exception {
    List<Long> attempts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      attempts.add(journal.begin(1, "CARD", new BigDecimal("9.99")).await(10, TimeUnit.SECONDS));
    }
    // All at once from one event loop: while the first statement is in flight the rest wait and go together.
    Promise<List<Future<Void>>> fired = Promise.promise();
    vertx.runOnContext(ignored -> {
      List<Future<Void>> all = new ArrayList<>();
      for (long attempt : attempts) {
        all.add(journal.authorized(attempt, "ref-" + attempt));
      }
      fired.complete(all);
    });
    List<Future<Void>> steps = fired.future().await(10, TimeUnit.SECONDS);
    Future.all(steps).await(10, TimeUnit.SECONDS);
    for (int i = 0; i < attempts.size(); i += 2) {
      journal.captured(attempts.get(i)).await(10, TimeUnit.SECONDS);
    }

    Map<Long, String> state = new HashMap<>();
    Map<Long, String> reference = new HashMap<>();
    for (Row row : pool.preparedQuery("SELECT attempt_id, state, reference FROM payment_journal"
        + " WHERE processor = 'journal-test'").execute().await(10, TimeUnit.SECONDS)) {
      state.put(row.getLong(0), row.getString(1));
      reference.put(row.getLong(0), row.getString(2));
    }
    for (int i = 0; i < attempts.size(); i++) {
      long attempt = attempts.get(i);
      assertThat(reference.get(attempt)).isEqualTo("ref-" + attempt);
      assertThat(state.get(attempt)).isEqualTo(i % 2 == 0 ? "captured" : "authorized");
    }
  }

  @Test
  void aStepNeverOverwritesASettledState() throws Exception {
    long attempt = journal.begin(1, "CARD", new BigDecimal("1.00")).await(10, TimeUnit.SECONDS);
    assertThat(journal.advance(attempt, JournalState.VOIDED, "r", "swept", JournalState.NEW)
        .await(10, TimeUnit.SECONDS)).isTrue();
    journal.authorized(attempt, "late").await(10, TimeUnit.SECONDS);
    journal.captured(attempt).await(10, TimeUnit.SECONDS);
    Row row = pool.preparedQuery("SELECT state, reference FROM payment_journal WHERE attempt_id = $1")
        .execute(Tuple.of(attempt)).await(10, TimeUnit.SECONDS).iterator().next();
    assertThat(row.getString(0)).isEqualTo("voided");
    assertThat(row.getString(1)).isEqualTo("r");
  }
}
