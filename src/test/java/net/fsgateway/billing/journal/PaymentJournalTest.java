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

/** The journal's steps, and its group-committed one moving exactly the attempts it names, from 'authorized' only. */
@Timeout(60)
class PaymentJournalTest {
  private final Vertx vertx = Vertx.vertx();
  private final Pool pool = PgPools.create(vertx, TestBackends.pg(), TestGateway.productionDeadlines());
  private final Pool asyncCommit = PgPools.asyncCommit(vertx, TestBackends.pg(), TestGateway.productionDeadlines(),
      PgBudget.JOURNAL_CONNECTIONS);
  private final PaymentJournal journal = new PaymentJournal(vertx, pool, asyncCommit, "journal-test");

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void manyConcurrentAttemptsEachGetTheirOwnRow() throws Exception {
    // All at once from one event loop: they go in a few statements, and each caller gets back its own row's id.
    Promise<List<Future<Long>>> fired = Promise.promise();
    vertx.runOnContext(ignored -> {
      List<Future<Long>> all = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        all.add(journal.begin(1000 + i, i % 2 == 0 ? "CARD" : "CHEK", new BigDecimal(i + ".25")));
      }
      fired.complete(all);
    });
    List<Future<Long>> begun = fired.future().await(10, TimeUnit.SECONDS);
    Future.all(begun).await(10, TimeUnit.SECONDS);
    for (int i = 0; i < begun.size(); i++) {
      Row row = pool.preparedQuery("SELECT agentnum, payby, amount, state FROM payment_journal WHERE attempt_id = $1")
          .execute(Tuple.of(begun.get(i).result())).await(10, TimeUnit.SECONDS).iterator().next();
      assertThat(row.getLong(0)).as("attempt %d", i).isEqualTo(1000L + i);
      assertThat(row.getString(1)).isEqualTo(i % 2 == 0 ? "CARD" : "CHEK");
      assertThat(row.getBigDecimal(2)).isEqualByComparingTo(i + ".25");
      assertThat(row.getString(3)).isEqualTo("new");
    }
    assertThat(begun.stream().map(Future::result).distinct()).hasSize(50);
  }

  @Test
  void manyConcurrentCapturesEachMoveTheirOwnAttempt() throws Exception {
    List<Long> attempts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      long attempt = journal.begin(1, "CARD", new BigDecimal("9.99")).await(10, TimeUnit.SECONDS);
      attempts.add(attempt);
      if (i % 3 != 2) {
        // What the signup's own statement does when its customer commits.
        journal.advance(attempt, JournalState.AUTHORIZED, "ref-" + attempt, "", JournalState.NEW)
            .await(10, TimeUnit.SECONDS);
      }
    }
    // Two of every three captured, all at once from one event loop: while the first statement is in flight the
    // rest wait and go together. The third of each three is captured too, but it was never authorized.
    Promise<List<Future<Void>>> fired = Promise.promise();
    vertx.runOnContext(ignored -> {
      List<Future<Void>> all = new ArrayList<>();
      for (int i = 0; i < attempts.size(); i++) {
        if (i % 3 != 1) {
          all.add(journal.captured(attempts.get(i)));
        }
      }
      fired.complete(all);
    });
    Future.all(fired.future().await(10, TimeUnit.SECONDS)).await(10, TimeUnit.SECONDS);

    Map<Long, String> state = new HashMap<>();
    Map<Long, String> reference = new HashMap<>();
    for (Row row : pool.preparedQuery("SELECT attempt_id, state, reference FROM payment_journal"
        + " WHERE processor = 'journal-test'").execute().await(10, TimeUnit.SECONDS)) {
      state.put(row.getLong(0), row.getString(1));
      reference.put(row.getLong(0), row.getString(2));
    }
    for (int i = 0; i < attempts.size(); i++) {
      long attempt = attempts.get(i);
      String expected = switch (i % 3) {
        case 0 -> "captured";
        case 1 -> "authorized";
        default -> "new";
      };
      assertThat(state.get(attempt)).as("attempt %d", i).isEqualTo(expected);
      assertThat(reference.get(attempt)).isEqualTo(i % 3 == 2 ? "" : "ref-" + attempt);
    }
  }

  /**
   * V4 creates the open-attempts index on an empty table, so until PostgreSQL first analyzes it the planner takes
   * it for empty: 'captured' once found its ids through it, reading every entry every 'new' and 'authorized'
   * row ever left there (dead ones too, until a vacuum), which made a signup's PostgreSQL CPU grow with the
   * journal (issue 15). Generic plans (the one a prepared statement settles on) and custom ones alike.
   */
  @Test
  void capturesFindTheirAttemptsByKeyNotThroughTheOpenAttemptsIndex() throws Exception {
    // A journal of some size, each attempt gone through new, authorized and captured (a few pages: on a table of
    // one page a scan is rightly cheapest, and would say nothing here).
    pool.query("INSERT INTO payment_journal (agentnum, processor, payby, amount, state)"
        + " SELECT 1, 'plan-test', 'CARD', 2.00, 'new' FROM generate_series(1, 5000)").execute()
        .compose(added -> pool.query("UPDATE payment_journal SET state = 'authorized', reference = 'r'"
            + " WHERE processor = 'plan-test'").execute())
        .compose(authorized -> pool.query("UPDATE payment_journal SET state = 'captured'"
            + " WHERE processor = 'plan-test'").execute())
        .await(30, TimeUnit.SECONDS);
    for (String mode : List.of("force_generic_plan", "force_custom_plan")) {
      String plan = pool.withTransaction(conn -> conn.query("SET LOCAL plan_cache_mode = " + mode).execute()
          .compose(set -> conn.query("PREPARE captured_plan AS " + JournalQueries.CAPTURED).execute())
          .compose(prepared -> conn.query("EXPLAIN EXECUTE captured_plan('{1,2,3}')").execute())
          .compose(rows -> {
            StringBuilder text = new StringBuilder();
            rows.forEach(row -> text.append(row.getString(0)).append('\n'));
            return conn.query("DEALLOCATE captured_plan").execute().map(text.toString());
          })).await(10, TimeUnit.SECONDS);
      assertThat(plan).as(mode).contains("payment_journal_pkey").doesNotContain("payment_journal_open_idx");
    }
  }

  /**
   * 'captured' names as many attempts as its group holds: a generic plan made while the journal was small (a
   * scan of the table) would stay cached on the connection, so its pool plans each statement for its parameters.
   */
  @Test
  void theGroupCommittedStepsArePlannedForTheirOwnParameters() throws Exception {
    String mode = asyncCommit.query("SHOW plan_cache_mode").execute().await(10, TimeUnit.SECONDS)
        .iterator().next().getString(0);
    assertThat(mode).isEqualTo("force_custom_plan");
  }

  @Test
  void aStepNeverOverwritesASettledState() throws Exception {
    long attempt = journal.begin(1, "CARD", new BigDecimal("1.00")).await(10, TimeUnit.SECONDS);
    assertThat(journal.advance(attempt, JournalState.VOIDED, "r", "swept", JournalState.NEW)
        .await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(journal.advance(attempt, JournalState.AUTHORIZED, "late", "", JournalState.NEW)
        .await(10, TimeUnit.SECONDS)).isFalse();
    journal.captured(attempt).await(10, TimeUnit.SECONDS);
    Row row = pool.preparedQuery("SELECT state, reference FROM payment_journal WHERE attempt_id = $1")
        .execute(Tuple.of(attempt)).await(10, TimeUnit.SECONDS).iterator().next();
    assertThat(row.getString(0)).isEqualTo("voided");
    assertThat(row.getString(1)).isEqualTo("r");
  }
}
