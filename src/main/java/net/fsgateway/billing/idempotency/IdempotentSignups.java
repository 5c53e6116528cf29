package net.fsgateway.billing.idempotency;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.infra.Rows;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * new_customer's optional {@code idempotency_key}: a repeat with the same key from the same reseller within 24
 * hours answers exactly the first answer and runs nothing again; the same key with other fields is an error;
 * concurrent repeats wait for the one that runs. Keys live in PostgreSQL beside the customers they point to, so
 * the claim and the answer are as durable as the signup (and a signup whose gateway died after its commit is
 * found again by its username). Answers that say "try again" (processor unavailable or timed out) are not kept:
 * retrying them is their point. Costs two round trips (claim, answer) on calls that send a key; none otherwise.
 */
public final class IdempotentSignups {
  public static final String FIELD = "idempotency_key";
  static final String DIFFERENT = "idempotency_key: already used with different fields";
  static final String RUNNING = "idempotency_key: the first call with this key is still running, try again";
  private static final long POLL_MS = 50;
  /** A claim without an answer this old was left by a gateway that died (new_customer times out at 30 s). */
  private static final int STALE_SECONDS = 90;
  private static final long WAIT_MS = 20_000;

  private final Vertx vertx;
  private final SqlClient client;
  private final Fingerprint fingerprint;

  public IdempotentSignups(Vertx vertx, SqlClient client, Fingerprint fingerprint) {
    this.vertx = vertx;
    this.client = client;
    this.fingerprint = fingerprint;
  }

  /** Runs {@code signup} for {@code call} at most once per key. */
  public Future<XmlRpcValue> run(long agentnum, XStruct call, Supplier<Future<XmlRpcValue>> signup) {
    String key = Fields.text(call, FIELD);
    if (key.isEmpty()) {
      return signup.get();
    }
    if (key.length() > 64 || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
      return Future.succeededFuture(Replies.error("idempotency_key: 1 to 64 printable ASCII characters"));
    }
    byte[] print = fingerprint.of(call);
    String username = Fields.trimmed(call, "username");
    Supplier<Future<XmlRpcValue>> attempt = () -> claim(agentnum, key, print, username)
        .compose(owned -> owned ? runOwned(agentnum, key, signup) : Future.succeededFuture(null));
    long deadline = System.currentTimeMillis() + WAIT_MS;
    return attempt.get().compose(answer -> answer != null ? Future.succeededFuture(answer)
        : awaitFirst(agentnum, key, print, deadline, attempt, signup));
  }

  /** Deletes keys older than 24 hours. */
  public Future<Integer> expire() {
    return client.query(IdempotencyQueries.EXPIRE).execute().map(rows -> rows.rowCount());
  }

  private Future<Boolean> claim(long agentnum, String key, byte[] print, String username) {
    return client.preparedQuery(IdempotencyQueries.CLAIM)
        .execute(Tuple.of(agentnum, key, Buffer.buffer(print), username))
        .map(rows -> rows.size() == 1);
  }

  private Future<XmlRpcValue> runOwned(long agentnum, String key, Supplier<Future<XmlRpcValue>> signup) {
    return signup.get()
        .compose(answer -> keep(agentnum, key, answer))
        .recover(failure -> release(agentnum, key).transform(ignored -> Future.failedFuture(failure)));
  }

  private Future<XmlRpcValue> keep(long agentnum, String key, XmlRpcValue answer) {
    if (!(answer instanceof XStruct struct) || retryable(struct)) {
      return release(agentnum, key).map(answer);
    }
    JsonObject json = new JsonObject();
    struct.members().forEach((name, value) -> json.put(name, Scalars.text(value).orElse("")));
    return client.preparedQuery(IdempotencyQueries.ANSWER).execute(Tuple.of(agentnum, key, json.encode()))
        .map(answer);
  }

  private Future<Void> release(long agentnum, String key) {
    return client.preparedQuery(IdempotencyQueries.RELEASE).execute(Tuple.of(agentnum, key)).mapEmpty();
  }

  /** Polls until the first call's answer is there; a claim left by a dead gateway is recovered or taken over. */
  private Future<XmlRpcValue> awaitFirst(long agentnum, String key, byte[] print, long deadline,
                                         Supplier<Future<XmlRpcValue>> attempt,
                                         Supplier<Future<XmlRpcValue>> signup) {
    return client.preparedQuery(IdempotencyQueries.READ).execute(Tuple.of(agentnum, key, STALE_SECONDS))
        .compose(rows -> {
          Row row = Rows.first(rows);
          if (row == null) {
            // The first call's answer said "try again" and released the key: this call is that retry.
            return attempt.get().compose(answer -> answer != null ? Future.succeededFuture(answer)
                : Future.succeededFuture(Replies.error(RUNNING)));
          }
          if (!Arrays.equals(row.getBuffer("fingerprint").getBytes(), print)) {
            return Future.succeededFuture(Replies.error(DIFFERENT));
          }
          String answer = row.getString("answer");
          if (answer != null) {
            return Future.succeededFuture(replay(answer));
          }
          if (row.getBoolean("stale")) {
            return recoverCommitted(agentnum, key, signup);
          }
          if (System.currentTimeMillis() > deadline) {
            return Future.succeededFuture(Replies.error(RUNNING));
          }
          return later().compose(ignored -> awaitFirst(agentnum, key, print, deadline, attempt, signup));
        });
  }

  /**
   * The first call's gateway died: if its customer committed, that is the answer (recorded now); if not, this
   * call takes the key over and runs the signup (the sweeper voids the dead call's authorization).
   */
  private Future<XmlRpcValue> recoverCommitted(long agentnum, String key, Supplier<Future<XmlRpcValue>> signup) {
    return client.preparedQuery(IdempotencyQueries.COMMITTED).execute(Tuple.of(agentnum, key)).compose(rows -> {
      Row row = Rows.first(rows);
      if (row == null) {
        return client.preparedQuery(IdempotencyQueries.TAKE_OVER).execute(Tuple.of(agentnum, key, STALE_SECONDS))
            .compose(taken -> taken.size() == 1 ? runOwned(agentnum, key, signup)
                : Future.succeededFuture(Replies.error(RUNNING)));
      }
      XStruct answer = Replies.ok().put("custnum", Long.toString(row.getLong("custnum")))
          .put("signup_service", "svc_acct").put("svcnum", Long.toString(row.getLong("svcnum")))
          .put("username", row.getString("username")).build();
      return keep(agentnum, key, answer);
    });
  }

  private Future<Void> later() {
    Promise<Void> waited = Promise.promise();
    vertx.setTimer(POLL_MS, id -> waited.complete());
    return waited.future();
  }

  private static XmlRpcValue replay(String answer) {
    XStruct.Builder builder = XStruct.builder();
    for (Map.Entry<String, Object> member : new JsonObject(answer)) {
      builder.put(member.getKey(), String.valueOf(member.getValue()));
    }
    return builder.build();
  }

  private static boolean retryable(XStruct answer) {
    String error = Scalars.text(answer.get("error")).orElse("");
    return error.startsWith("payinfo: the payment processor") || error.startsWith("payinfo: payment processor:")
        || error.equals(RUNNING);
  }
}
