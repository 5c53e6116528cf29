package net.fsgateway.provisioning;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * The last answer built for a key, kept with the values of the rows it was built from: a call that reads the same
 * rows again gets the very same (immutable) answer back instead of building it anew, and the HTTP layer, seeing
 * the same instance, sends the bytes it wrote for it before. Nothing is traded for freshness: the rows are read on
 * every call, only building (and writing) the answer from unchanged rows is saved. Comparing a few hundred column
 * values (array columns by content) costs a small part of building tens of KiB of answer from them (signup_info,
 * issue 15).
 *
 * <p>At most {@code maxKeys} keys are kept; a new one past that pushes out an arbitrary other. Thread-safe.
 */
final class RowsMemo<K> {
  private record Entry(List<Object> values, XmlRpcValue answer) {
  }

  private final ConcurrentHashMap<K, Entry> entries = new ConcurrentHashMap<>();
  private final int maxKeys;

  RowsMemo(int maxKeys) {
    this.maxKeys = maxKeys;
  }

  /** {@code key}'s answer for these reads: the kept one when every value is as before, else a fresh {@code build}. */
  XmlRpcValue answer(K key, List<RowSet<Row>> reads, Supplier<XmlRpcValue> build) {
    Entry last = entries.get(key);
    if (last != null && same(last.values(), reads)) {
      return last.answer();
    }
    XmlRpcValue answer = build.get();
    if (last == null && entries.size() >= maxKeys) {
      Iterator<K> keys = entries.keySet().iterator();
      if (keys.hasNext()) {
        entries.remove(keys.next());
      }
    }
    entries.put(key, new Entry(values(reads), answer));
    return answer;
  }

  int size() {
    return entries.size();
  }

  /** Every column of every row, each read's row count first, so rows cannot move from one read to the next. */
  private static List<Object> values(List<RowSet<Row>> reads) {
    List<Object> values = new ArrayList<>();
    for (RowSet<Row> read : reads) {
      values.add(read.size());
      for (Row row : read) {
        for (int column = 0; column < row.size(); column++) {
          values.add(row.getValue(column));
        }
      }
    }
    return values;
  }

  private static boolean same(List<Object> values, List<RowSet<Row>> reads) {
    int at = 0;
    for (RowSet<Row> read : reads) {
      if (at >= values.size() || !values.get(at++).equals(read.size())) {
        return false;
      }
      for (Row row : read) {
        for (int column = 0; column < row.size(); column++) {
          if (at >= values.size() || !Objects.deepEquals(values.get(at++), row.getValue(column))) {
            return false;
          }
        }
      }
    }
    return at == values.size();
  }
}
