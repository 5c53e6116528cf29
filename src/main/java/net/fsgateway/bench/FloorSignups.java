package net.fsgateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SplittableRandom;
import net.fsgateway.billing.BillingQueries;
import net.fsgateway.billing.journal.PaymentJournal;
import net.fsgateway.infra.PgBudget;
import net.fsgateway.infra.PgPools;
import net.fsgateway.infra.Rows;

/**
 * new_customer's floor: the I/O one CARD signup cannot avoid, done the way the gateway does it and nothing else.
 * The checks' read on a pipelined client with flush batching, the journal's attempt (group-committed, synchronous),
 * the signup's one-statement write on a generic-plan pool, the answer, then 'captured' (group-committed after a
 * linger, asynchronous): the gateway's own statements ({@link BillingQueries}) and its own journal
 * ({@link PaymentJournal}) on clients built as the gateway builds them. No XML is parsed or written, no session
 * looked up, no field validated, no card encrypted, no processor called: the gateway's CPU per signup against this
 * one's is what the gateway's own work costs on top of the round trips (issue 15).
 */
final class FloorSignups {
  /** The method, as the floor server's request path names it. */
  static final String METHOD = "new_customer";
  private static final BigDecimal CHARGE = new BigDecimal("19.95");
  private static final Buffer SEALED = Buffer.buffer(new byte[44]);
  private static final LocalDate PAYDATE = LocalDate.of(2030, 12, 31);
  private static final String[] INVOICING = {"floor@example.com"};
  private static final String HASH = "{SSHA512}" + "A".repeat(88);

  private final long agentnum;
  private final String domain;
  private final SqlClient checks;
  private final Pool pool;
  private final Pool journalSteps;
  private final PaymentJournal journal;
  private final SplittableRandom random = new SplittableRandom();
  /** The agent's package and the domain's svcnum, looked up once. */
  private Future<long[]> catalog;

  FloorSignups(Vertx vertx, FloorDatabase database) {
    this.agentnum = database.agentnum();
    this.domain = database.domain();
    this.checks = PgPools.pipelinedBatchedGenericPlans(vertx, database.pg(), database.deadlines(),
        PgBudget.SIGNUP_CHECK_CONNECTIONS);
    this.pool = PgPools.genericPlans(vertx, database.pg(), database.deadlines());
    this.journalSteps = PgPools.asyncCommit(vertx, database.pg(), database.deadlines(), PgBudget.JOURNAL_CONNECTIONS);
    this.journal = new PaymentJournal(vertx, pool, journalSteps, "test");
  }

  /** One signup; true when the customer was written. Fails when the agent sells no package or the domain is unknown. */
  Future<Boolean> run() {
    if (catalog == null) {
      catalog = lookUpCatalog();
    }
    return catalog.compose(this::signup);
  }

  Future<Void> close() {
    return Future.join(checks.close(), pool.close(), journalSteps.close()).mapEmpty();
  }

  private Future<long[]> lookUpCatalog() {
    return pool.preparedQuery("SELECT (SELECT min(pkgpart) FROM agent_pkg WHERE agentnum = $1),"
            + " (SELECT svcnum FROM svc_domain WHERE domain = $2)")
        .execute(Tuple.of(agentnum, domain))
        .map(rows -> {
          Row row = Rows.first(rows);
          if (row.getLong(0) == null || row.getLong(1) == null) {
            throw new IllegalStateException("agent " + agentnum + " sells no package or domain " + domain
                + " is unknown");
          }
          return new long[] {row.getLong(0), row.getLong(1)};
        });
  }

  private Future<Boolean> signup(long[] ids) {
    long pkgpart = ids[0];
    long domsvc = ids[1];
    String username = "fl" + Long.toString(random.nextLong(Long.MAX_VALUE), 36);
    Tuple plan = Tuple.from(new Object[] {agentnum, pkgpart, domsvc, "", username, "", "", "US", "IL", "",
        null, null, null, 1L, null});
    return checks.preparedQuery(BillingQueries.SIGNUP_PLAN).execute(plan)
        .compose(rows -> {
          Row row = Rows.first(rows);
          if (row == null || row.getLong("pkgpart") == null || row.getBoolean("taken")) {
            return Future.succeededFuture(false);
          }
          return journal.begin(agentnum, "CARD", CHARGE)
              .compose(attempt -> pool.preparedQuery(BillingQueries.INSERT_SIGNUP)
                  .execute(signupRow(pkgpart, domsvc, username, attempt))
                  .map(written -> {
                    boolean created = written.size() == 1;
                    if (created) {
                      journal.captured(attempt); // after the answer, as the gateway's capture
                    }
                    return created;
                  }));
        });
  }

  /** The parameters of {@link BillingQueries#INSERT_SIGNUP} for one CARD signup, typed as the gateway's. */
  private Tuple signupRow(long pkgpart, long domsvc, String username, long attempt) {
    return Tuple.from(new Object[] {agentnum, "Floor", "User", "", "217-555-0100", "", "",
        "CARD", "Floor User", "411111xxxxxx1111", SEALED, PAYDATE,
        "1 Test Street", "", "Springfield", "IL", "62701", "US",
        INVOICING, pkgpart, 1,
        username, domsvc, "ssha512", HASH,
        CHARGE, "floor-" + attempt, "payby=CARD", true,
        "", "", 1L, null, "", "", null, "",
        "", "", "", "", false,
        "", "", "", "", "", "", "", "",
        attempt});
  }
}
