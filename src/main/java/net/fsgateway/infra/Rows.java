package net.fsgateway.infra;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.RowSet;

/** Reading query results that hold at most one row of interest. */
public final class Rows {
  private Rows() {
  }

  /** The first row, or null when the query returned none. */
  public static Row first(RowSet<Row> rows) {
    RowIterator<Row> it = rows.iterator();
    return it.hasNext() ? it.next() : null;
  }
}
