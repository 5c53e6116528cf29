package net.fsgateway.provisioning;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * {@code signup_info} for an agent: {@code part_pkg} (what it may sell), {@code svc_domain} (where its customers'
 * accounts may live: shared domains and its own) and {@code payby} (accepted payment types). Key names follow
 * Freeside's Signup.pm; prices are strings with two decimals, as Freeside's money columns are.
 */
public final class SignupInfo {
  /** The payment types new_customer accepts (cust_main.payby's CHECK constraint). */
  public static final List<String> PAYBY = List.of("CARD", "CHEK", "PREPAY");

  private final SqlClient db;

  public SignupInfo(SqlClient db) {
    this.db = db;
  }

  public Future<XmlRpcValue> info(long agentnum) {
    Tuple agent = Tuple.of(agentnum);
    Future<RowSet<Row>> packages = db.preparedQuery(ProvisioningQueries.AGENT_PACKAGES).execute(agent);
    Future<RowSet<Row>> domains = db.preparedQuery(ProvisioningQueries.AGENT_DOMAINS).execute(agent);
    return Future.all(packages, domains).map(done -> Replies.ok()
        .put("part_pkg", packages(packages.result()))
        .put("svc_domain", domains(domains.result()))
        .put("payby", new XArray(PAYBY.stream().map(XString::of).map(XmlRpcValue.class::cast).toList()))
        .build());
  }

  private static XArray packages(RowSet<Row> rows) {
    List<XmlRpcValue> items = new ArrayList<>();
    for (Row row : rows) {
      items.add(XStruct.builder()
          .put("pkgpart", Math.toIntExact(row.getLong("pkgpart")))
          .put("pkg", row.getString("pkg"))
          .put("setup_fee", row.getString("setup_fee"))
          .put("recur_fee", row.getString("recur_fee"))
          // Freeside's part_pkg.freq is text ("1", "12", "0"); kept a string for drop-in clients.
          .put("freq", Integer.toString(row.getInteger("freq")))
          .build());
    }
    return new XArray(items);
  }

  private static XArray domains(RowSet<Row> rows) {
    List<XmlRpcValue> items = new ArrayList<>();
    for (Row row : rows) {
      items.add(XStruct.builder()
          .put("svcnum", Math.toIntExact(row.getLong("svcnum")))
          .put("domain", row.getString("domain"))
          .build());
    }
    return new XArray(items);
  }
}
