package net.fsgateway.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.fsgateway.config.PgConfig;
import net.fsgateway.support.TestBackends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pipelined client of one connection against the test PostgreSQL, with a handler next to the socket that counts
 * the flushes that reach it (each one a socket write): with {@link FlushBatching} installed and without.
 */
class FlushBatchingTest {
  private static final int STATEMENTS = 50;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void statementsIssuedInOneTurnGoOutInOneWriteAndEachGetsItsOwnAnswer() throws Exception {
    AtomicInteger flushes = new AtomicInteger();
    List<Integer> answers = issueInOneTurn(connection -> {
      ChannelPipeline pipeline = FlushBatching.pipelineOf(connection);
      FlushBatching.install(connection);
      // Added after, so nearer the socket: it counts only the flushes the batching lets through.
      pipeline.addFirst(counter(flushes));
    }, flushes);
    assertThat(answers).hasSize(STATEMENTS);
    for (int i = 0; i < STATEMENTS; i++) {
      assertThat(answers.get(i)).as("answer %d", i).isEqualTo(i * 7);
    }
    assertThat(flushes.get()).as("socket writes carrying %d statements", STATEMENTS).isLessThanOrEqualTo(3);
  }

  @Test
  void withoutItEachStatementIsAWriteOfItsOwn() throws Exception {
    AtomicInteger flushes = new AtomicInteger();
    List<Integer> answers = issueInOneTurn(connection -> {
      FlushBatching.pipelineOf(connection).addFirst(counter(flushes));
      connection.close(); // hands it to the pool
    }, flushes);
    assertThat(answers).hasSize(STATEMENTS);
    assertThat(flushes.get()).isGreaterThanOrEqualTo(STATEMENTS);
  }

  private static ChannelOutboundHandlerAdapter counter(AtomicInteger flushes) {
    return new ChannelOutboundHandlerAdapter() {
      @Override
      public void flush(ChannelHandlerContext ctx) {
        flushes.incrementAndGet();
        ctx.flush();
      }
    };
  }

  /**
   * One pipelined connection set up by {@code onConnect}; its statement prepared first; then {@value #STATEMENTS}
   * executions issued in one event-loop turn. {@code flushes} is zeroed after the warm-up and read at the last
   * answer.
   */
  private List<Integer> issueInOneTurn(Handler<SqlConnection> onConnect, AtomicInteger flushes) throws Exception {
    PgConfig pg = TestBackends.pg();
    Context loop = vertx.getOrCreateContext();
    CompletableFuture<List<Integer>> done = new CompletableFuture<>();
    AtomicInteger flushesAtEnd = new AtomicInteger();
    loop.runOnContext(ignored -> {
      SqlClient db = PgBuilder.client().with(new PoolOptions().setMaxSize(1))
          .connectingTo(PgPools.connectOptions(pg)).withConnectHandler(onConnect).using(vertx).build();
      String sql = "SELECT $1::int * 7 AS n";
      db.preparedQuery(sql).execute(Tuple.of(0)).onComplete(warm -> {
        flushes.set(0);
        List<Future<Integer>> each = new ArrayList<>();
        for (int i = 0; i < STATEMENTS; i++) {
          each.add(db.preparedQuery(sql).execute(Tuple.of(i)).map(rows -> rows.iterator().next().getInteger("n")));
        }
        Future.all(each).onComplete(all -> {
          flushesAtEnd.set(flushes.get());
          List<Integer> answers = new ArrayList<>();
          each.forEach(f -> answers.add(f.succeeded() ? f.result() : null));
          db.close();
          done.complete(answers);
        });
      });
    });
    List<Integer> answers = done.get(20, TimeUnit.SECONDS);
    flushes.set(flushesAtEnd.get());
    return answers;
  }
}
