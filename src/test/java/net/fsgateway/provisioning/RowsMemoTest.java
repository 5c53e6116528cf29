package net.fsgateway.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.fsgateway.infra.PgPools;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XmlRpcValue;
import net.fsgateway.support.TestBackends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rows read from the test PostgreSQL (text, numbers, nulls and an array column), kept answers checked against them. */
class RowsMemoTest {
  private static Vertx vertx;
  private static SqlClient db;

  private final AtomicInteger builds = new AtomicInteger();

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    db = PgBuilder.client().with(new PoolOptions().setMaxSize(1))
        .connectingTo(PgPools.connectOptions(TestBackends.pg())).using(vertx).build();
  }

  @AfterAll
  static void close() throws Exception {
    db.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** n rows of (number, text, null, text[]); {@code changed} alters the text of the last row. */
  private static RowSet<Row> rows(int n, String changed) throws Exception {
    return db.preparedQuery("SELECT i, CASE WHEN i = $1 THEN $2 ELSE 'row ' || i END AS text, NULL::text AS none,"
            + " ARRAY['a', 'b' || i] AS tags FROM generate_series(1, $1) i")
        .execute(Tuple.of(n, changed)).await(10, TimeUnit.SECONDS);
  }

  private XmlRpcValue answer(RowsMemo<Long> memo, long key, List<RowSet<Row>> reads) {
    return memo.answer(key, reads, () -> XString.of("answer " + builds.incrementAndGet()));
  }

  @Test
  void theSameRowsReadAgainGiveTheSameInstanceAndAnyChangeBuildsAnew() throws Exception {
    RowsMemo<Long> memo = new RowsMemo<>(4);
    XmlRpcValue first = answer(memo, 1L, List.of(rows(5, "last"), rows(2, "x")));
    assertThat(answer(memo, 1L, List.of(rows(5, "last"), rows(2, "x"))))
        .as("fresh reads of equal rows, arrays compared by content").isSameAs(first);
    assertThat(builds).hasValue(1);

    XmlRpcValue changed = answer(memo, 1L, List.of(rows(5, "last, edited"), rows(2, "x")));
    assertThat(changed).isNotSameAs(first);
    assertThat(answer(memo, 1L, List.of(rows(6, "last"), rows(2, "x")))).as("one more row").isNotSameAs(changed);
    XmlRpcValue moved = answer(memo, 1L, List.of(rows(5, "last"), rows(3, "x")));
    assertThat(answer(memo, 1L, List.of(rows(6, "last"), rows(2, "x"))))
        .as("a row moved from one read to the other is a change").isNotSameAs(moved);
    assertThat(builds).hasValue(5);
  }

  @Test
  void keysAreKeptApartAndBounded() throws Exception {
    RowsMemo<Long> memo = new RowsMemo<>(3);
    List<RowSet<Row>> reads = List.of(rows(3, "same"));
    XmlRpcValue one = answer(memo, 1L, reads);
    assertThat(answer(memo, 2L, reads)).as("another key's answer").isNotSameAs(one);
    XmlRpcValue newest = null;
    for (long key = 3; key <= 50; key++) {
      newest = answer(memo, key, reads);
    }
    assertThat(memo.size()).isEqualTo(3);
    assertThat(answer(memo, 50L, reads)).as("the newest key is kept").isSameAs(newest);
    assertThat(builds).hasValue(50);
  }
}
