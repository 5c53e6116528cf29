package net.fsgateway.infra;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.function.Consumer;
import java.util.function.Function;
import net.fsgateway.xmlrpc.ItemStream;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * The rows of one query read through a PostgreSQL cursor ({@link RowStream}, {@value #FETCH} rows per fetch) on a
 * connection of its own inside a read-only transaction, each turned into an item as it arrives. The connection
 * goes back to the pool when the rows end, fail or are cancelled; an answer nobody starts reading within
 * {@code unclaimedMs} (its call timed out on the way) cancels itself, so a cursor is never left open.
 */
public final class CursorItems implements ItemStream {
  static final int FETCH = 200;

  private final Context context;
  private final SqlConnection conn;
  private final Transaction tx;
  private final RowStream<Row> rows;
  private final Function<Row, XmlRpcValue> toItem;
  private final long unclaimed;
  private boolean released;

  private CursorItems(Vertx vertx, SqlConnection conn, Transaction tx, RowStream<Row> rows,
                      Function<Row, XmlRpcValue> toItem, long unclaimedMs) {
    this.context = vertx.getOrCreateContext();
    this.conn = conn;
    this.tx = tx;
    this.rows = rows;
    this.toItem = toItem;
    this.unclaimed = vertx.setTimer(unclaimedMs, ignored -> cancel());
  }

  /** Opens the cursor; fails (connection released) if the connection, transaction or statement cannot be had. */
  public static Future<ItemStream> open(Vertx vertx, Pool pool, String sql, Tuple args,
                                        Function<Row, XmlRpcValue> toItem, long unclaimedMs) {
    return pool.getConnection().compose(conn -> conn.begin()
        .compose(tx -> conn.prepare(sql).map(statement -> (ItemStream) new CursorItems(vertx, conn, tx,
            statement.createStream(FETCH, args), toItem, unclaimedMs)))
        .onFailure(ignored -> conn.close()));
  }

  @Override
  public void start(Consumer<XmlRpcValue> item, Consumer<Throwable> failed, Runnable ended) {
    context.owner().cancelTimer(unclaimed);
    rows.exceptionHandler(failure -> {
      release();
      failed.accept(failure);
    });
    rows.endHandler(ignored -> {
      release();
      ended.run();
    });
    rows.handler(row -> item.accept(toItem.apply(row)));
  }

  @Override
  public void pause() {
    rows.pause();
  }

  @Override
  public void resume() {
    rows.resume();
  }

  @Override
  public void cancel() {
    context.runOnContext(ignored -> {
      context.owner().cancelTimer(unclaimed);
      if (!released) {
        rows.close().onComplete(closed -> release());
      }
    });
  }

  /** Read-only work: a rollback ends it; the connection goes back to the pool whatever happens. */
  private void release() {
    if (released) {
      return;
    }
    released = true;
    tx.rollback().eventually(conn::close);
  }
}
