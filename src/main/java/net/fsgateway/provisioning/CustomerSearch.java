package net.fsgateway.provisioning;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * {@code agent_list_customers}, Freeside's semantics: {@code search} is a customer number (digits) or a last
 * name / company (exact matches first, then substrings, case-insensitive); each true flag among {@code prospect},
 * {@code active}, {@code susp}, {@code cancel} adds every customer of that status. Results are the agent's own
 * customers only, without duplicates, at most {@link #MAX_RESULTS}; {@code truncated} is 1 when more matched.
 * Card and account numbers are never read, so they cannot leak: only the stored mask is returned.
 */
public final class CustomerSearch {
  /** Upper bound on one answer, so a broad flag search cannot produce an unbounded response. */
  public static final int MAX_RESULTS = 100;

  private static final Pattern CUSTNUM = Pattern.compile("\\d{1,18}");
  private static final String[][] FLAGS = {
      {"prospect", "prospect"}, {"active", "active"}, {"susp", "suspended"}, {"cancel", "cancelled"}};
  private static final String[] TEXT_COLUMNS = {
      "first", "last", "company", "daytime", "night", "fax", "payby", "payname", "paymask"};

  private final SqlClient db;

  public CustomerSearch(SqlClient db) {
    this.db = db;
  }

  public Future<XmlRpcValue> list(long agentnum, XStruct params) {
    String search = Fields.trimmed(params, "search");
    Long custnum = CUSTNUM.matcher(search).matches() ? Long.valueOf(search) : null;
    String text = custnum == null ? search : "";
    Tuple args = Tuple.of(agentnum, custnum, text.toLowerCase(Locale.ROOT), statuses(params),
        (long) MAX_RESULTS + 1);
    return db.preparedQuery(ProvisioningQueries.LIST_CUSTOMERS).execute(args).map(CustomerSearch::answer);
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

  private static XmlRpcValue answer(RowSet<Row> rows) {
    List<XmlRpcValue> customers = new ArrayList<>();
    for (Row row : rows) {
      if (customers.size() == MAX_RESULTS) {
        break;
      }
      customers.add(customer(row));
    }
    return Replies.ok()
        .put("customers", new XArray(customers))
        .put("truncated", rows.size() > MAX_RESULTS ? 1 : 0)
        .build();
  }

  private static XStruct customer(Row row) {
    XStruct.Builder b = XStruct.builder()
        .put("custnum", Math.toIntExact(row.getLong("custnum")))
        .put("agentnum", Math.toIntExact(row.getLong("agentnum")));
    for (String column : TEXT_COLUMNS) {
      b.put(column, row.getString(column));
    }
    CustomerStatus status = CustomerStatus.of(row.getString("status"));
    return b.put("paydate", orEmpty(row.getString("paydate")))
        .put("signupdate", Math.toIntExact(row.getLong("signupdate")))
        .put("name", name(row))
        .put("status", status.label())
        .put("statuscolor", status.color())
        .build();
  }

  /** Freeside's cust_main name: "Last, First", or "Company (Last, First)" when there is a company. */
  private static String name(Row row) {
    String person = row.getString("last") + ", " + row.getString("first");
    String company = row.getString("company");
    return company.isEmpty() ? person : company + " (" + person + ")";
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
