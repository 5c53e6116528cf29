package net.fsgateway.provisioning;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import net.fsgateway.dispatch.CallFailure;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.infra.CursorItems;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.MethodResponse.Streamed;
import net.fsgateway.xmlrpc.XStruct;

/**
 * {@code agent_list_customers}, Freeside's semantics: {@code search} as its customer search reads it
 * ({@link SearchTerms}); each true flag among {@code prospect}, {@code active}, {@code susp}, {@code cancel} adds
 * every customer of that status; the agent's own customers only, each once. No cap: every match is answered,
 * streamed from a database cursor into the response as it is read (bounded memory whatever the count);
 * {@code limit} and {@code offset} page through the same order when a client wants pages.
 */
public final class CustomerListing {
  private static final String[][] FLAGS = {
      {"prospect", "prospect"}, {"active", "active"}, {"susp", "suspended"}, {"cancel", "cancelled"}};

  private final Vertx vertx;
  private final Pool pool;
  private final long unclaimedMs;

  /** {@code unclaimedMs}: how long an answer may wait to be written before its cursor is closed. */
  public CustomerListing(Vertx vertx, Pool pool, long unclaimedMs) {
    this.vertx = vertx;
    this.pool = pool;
    this.unclaimedMs = unclaimedMs;
  }

  public Future<MethodResponse> list(long agentnum, XStruct params) {
    SearchTerms terms = SearchTerms.parse(Fields.text(params, "search"));
    Long limit = nonNegative(params, "limit");
    Long offset = nonNegative(params, "offset");
    Tuple args = Tuple.tuple().addLong(agentnum).addLong(terms.custnum()).addString(terms.phone())
        .addString(terms.email()).addString(terms.first()).addString(terms.last()).addString(terms.company())
        .addString(terms.value()).addArrayOfString(statuses(params)).addLong(limit)
        .addLong(offset == null ? 0L : offset);
    return CursorItems.open(vertx, pool, ListingQuery.SQL, args, CustomerRows::item, unclaimedMs)
        .map(items -> new Streamed(Replies.ok().build(), "customers", items));
  }

  private static Long nonNegative(XStruct params, String name) {
    Long value = Fields.number(params, name);
    if (value != null && value < 0) {
      throw CallFailure.invalidParams(name + " must be 0 or more");
    }
    return value;
  }

  private static String[] statuses(XStruct params) {
    List<String> wanted = new ArrayList<>();
    for (String[] flag : FLAGS) {
      if (isTrue(Fields.trimmed(params, flag[0]))) {
        wanted.add(flag[1]);
      }
    }
    return wanted.toArray(new String[0]);
  }

  /** Perl truth, as Freeside tests the flags: '' and '0' are false. */
  private static boolean isTrue(String value) {
    return !value.isEmpty() && !value.equals("0");
  }
}
