package net.fsgateway.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import net.fsgateway.config.DeadlinesConfig;
import net.fsgateway.config.PgConfig;
import net.fsgateway.support.TestBackends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batched pipelined client against PostgreSQL through a proxy that counts the client's socket writes as the
 * server side sees them (one read each, since the proxy reads as soon as bytes arrive).
 */
class FlushBatchingTest {
  private static final int STATEMENTS = 50;
  private static final DeadlinesConfig DEADLINES = new DeadlinesConfig(2_000, 5_000, 2_000);

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void statementsIssuedInOneTurnReachTheServerInOneWriteAndEachGetsItsOwnAnswer() throws Exception {
    try (CountingProxy proxy = new CountingProxy(TestBackends.pg().port())) {
      List<Integer> answers = issueInOneTurn(proxy, (v, pg) -> PgPools.pipelinedBatched(v, pg, DEADLINES));
      assertThat(answers).hasSize(STATEMENTS);
      for (int i = 0; i < STATEMENTS; i++) {
        assertThat(answers.get(i)).as("answer %d", i).isEqualTo(i * 7);
      }
      assertThat(proxy.readsAfterWarmUp()).as("client writes carrying %d statements", STATEMENTS).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void theStockClientWritesStatementByStatement() throws Exception {
    // The contrast that makes the test above mean something: without the batching the same turn is many writes.
    try (CountingProxy proxy = new CountingProxy(TestBackends.pg().port())) {
      assertThat(issueInOneTurn(proxy, (v, pg) -> PgPools.pipelined(v, pg, DEADLINES))).hasSize(STATEMENTS);
      assertThat(proxy.readsAfterWarmUp()).isGreaterThan(3);
    }
  }

  /** One connection; the statement prepared first; then {@value #STATEMENTS} executions issued in one turn. */
  private List<Integer> issueInOneTurn(CountingProxy proxy,
                                       BiFunction<Vertx, PgConfig, SqlClient> clientOf) throws Exception {
    PgConfig pg = TestBackends.pg();
    PgConfig viaProxy = new PgConfig("127.0.0.1", proxy.port(), pg.database(), pg.user(), pg.password(), 1,
        pg.maxWaitQueue(), pg.connectTimeoutMs(), false, 0, PgConfig.Pooler.NONE);
    Context loop = vertx.getOrCreateContext();
    CompletableFuture<List<Integer>> done = new CompletableFuture<>();
    loop.runOnContext(ignored -> {
      SqlClient db = clientOf.apply(vertx, viaProxy);
      String sql = "SELECT $1::int * 7 AS n";
      db.preparedQuery(sql).execute(Tuple.of(0)).onComplete(warm -> {
        proxy.warmedUp();
        List<Future<Integer>> each = new ArrayList<>();
        for (int i = 0; i < STATEMENTS; i++) {
          each.add(db.preparedQuery(sql).execute(Tuple.of(i)).map(rows -> {
            Row row = rows.iterator().next();
            return row.getInteger("n");
          }));
        }
        Future.all(each).onComplete(all -> {
          List<Integer> answers = new ArrayList<>();
          each.forEach(f -> answers.add(f.succeeded() ? f.result() : null));
          db.close();
          done.complete(answers);
        });
      });
    });
    return done.get(20, TimeUnit.SECONDS);
  }

  /** Forwards 127.0.0.1 traffic to PostgreSQL and counts the reads of the client's bytes after the warm-up. */
  private static final class CountingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int target;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile int readsAtWarmUp;
    private final List<Socket> sockets = new ArrayList<>();

    CountingProxy(int target) throws IOException {
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      this.target = target;
      Thread acceptor = new Thread(this::accept, "counting-proxy");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    void warmedUp() {
      readsAtWarmUp = reads.get();
    }

    int readsAfterWarmUp() {
      return reads.get() - readsAtWarmUp;
    }

    private void accept() {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          Socket server = new Socket("127.0.0.1", target);
          client.setTcpNoDelay(true);
          server.setTcpNoDelay(true);
          synchronized (sockets) {
            sockets.add(client);
            sockets.add(server);
          }
          pump(client, server, reads);
          pump(server, client, new AtomicInteger());
        } catch (IOException closed) {
          return;
        }
      }
    }

    private static void pump(Socket from, Socket to, AtomicInteger counted) {
      Thread t = new Thread(() -> {
        byte[] buffer = new byte[65536];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            counted.incrementAndGet();
            out.write(buffer, 0, n);
          }
        } catch (IOException ignored) {
          // one side closed
        }
      }, "counting-proxy-pump");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      listener.close();
      synchronized (sockets) {
        for (Socket socket : sockets) {
          socket.close();
        }
      }
    }
  }
}
