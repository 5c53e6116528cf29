package net.fsgateway.provisioning;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.Set;
import net.fsgateway.xmlrpc.XBoolean;
import net.fsgateway.xmlrpc.XI8;
import net.fsgateway.xmlrpc.XInt;
import net.fsgateway.xmlrpc.XNil;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * One customer of {@code agent_list_customers} as Freeside's answer has it: every customer column (a SQL null is
 * undefined; the location numbers among them), {@code signupdate} in epoch seconds, the billing location's address
 * members, {@code name}, {@code status}, {@code cust_status}, {@code status_label}, {@code statuscolor}. Secrets
 * never leave: encrypted columns ({@code *_enc}) and any clear payinfo/paycvv/ss are dropped; the SSN's mask is
 * answered as {@code ss}, the card's as {@code paymask}.
 */
final class CustomerRows {
  private static final Set<String> SECRETS = Set.of("payinfo", "paycvv", "ss");
  private static final List<String> ADDRESS = List.of("locationname", "address1", "address2", "city", "county",
      "state", "zip", "country");

  private CustomerRows() {
  }

  static XmlRpcValue item(Row row) {
    JsonObject cust = row.getJsonObject("cust");
    XStruct.Builder b = XStruct.builder().put("custnum", value(cust.getValue("custnum")));
    for (String column : cust.fieldNames()) {
      if (!column.equals("custnum") && !SECRETS.contains(column) && !column.endsWith("_enc")) {
        b.put(column.equals("ss_mask") ? "ss" : column, value(cust.getValue(column)));
      }
    }
    b.put("signupdate", value(row.getLong("signup_epoch")));
    location(b, cust, row.getJsonObject("location"));
    CustomerStatus status = CustomerStatus.of(row.getString("status"));
    return b.put("name", name(cust))
        .put("status", status.label())
        .put("cust_status", status.label())
        .put("status_label", status.text())
        .put("statuscolor", status.color())
        .build();
  }

  private static void location(XStruct.Builder b, JsonObject cust, JsonObject location) {
    if (location != null) {
      for (String member : ADDRESS) {
        if (location.containsKey(member) && !cust.containsKey(member)) {
          b.put(member, value(location.getValue(member)));
        }
      }
    }
  }

  /** Freeside's cust_main name: "Last, First", or "Company (Last, First)" when there is a company. */
  private static String name(JsonObject cust) {
    String person = cust.getString("last", "") + ", " + cust.getString("first", "");
    String company = cust.getString("company", "");
    return company.isEmpty() ? person : company + " (" + person + ")";
  }

  private static XmlRpcValue value(Object json) {
    if (json == null) {
      return XNil.NIL;
    }
    if (json instanceof Integer i) {
      return XInt.of(i);
    }
    if (json instanceof Long l) {
      return l == l.intValue() ? XInt.of(l.intValue()) : new XI8(Long.toString(l));
    }
    if (json instanceof Boolean flag) {
      return XBoolean.of(flag);
    }
    return XString.of(json.toString());
  }
}
