package net.fsgateway.provisioning;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import net.fsgateway.config.SignupConfig;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.dispatch.FreesideTyping;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * {@code signup_info} for an agent, with the keys Freeside's Signup.pm gives an agent session: {@code part_pkg}
 * (what it may sell, sorted by name; see {@link PackageEntries}), {@code cust_main_county} (the locations customers
 * may have), {@code part_referral} (its advertising sources), {@code agent}/{@code agent_name}, {@code card_types},
 * {@code payby}/{@code payby_longname}, {@code cvv_enabled}/{@code require_cvv}, {@code countrydefault}/
 * {@code statedefault}, {@code refnum}, {@code default_pkgpart}, {@code signup_service}, {@code svc_acct_pop}
 * (always empty: the gateway has no POPs) and the gateway's own {@code svc_domain}. A {@code promo_code} or
 * {@code reg_code} narrows the packages; when it matches none the answer carries Freeside's error with the
 * agent's whole list, as Freeside's does. Flags are "1" or "", as Freeside's configuration answers them; the
 * form-describing keys come from {@link SignupInfoExtras}.
 */
public final class SignupInfo {
  /** The card types new_customer accepts, as Freeside's card_types (display name to Business::CreditCard name). */
  static final Map<String, String> CARD_TYPES = Map.of("VISA", "VISA card", "MasterCard", "MasterCard",
      "Discover", "Discover card", "American Express", "American Express card",
      "Diner's Club/Carte Blanche", "Diner's Club/Carte Blanche", "JCB", "JCB");
  /** Freeside's long names of payment types (FS::payby); PREPAY is ours ("Prepaid card", as its PREP). */
  static final Map<String, String> LONGNAMES = Map.of("CARD", "Credit card (automatic)",
      "DCRD", "Credit card (on-demand)", "CHEK", "Electronic check (automatic)",
      "DCHK", "Electronic check (on-demand)", "BILL", "Billing", "PREPAY", "Prepaid card");

  /**
   * Resellers whose code-less answer is kept ({@link RowsMemo}), each with the values of its rows: about 65 KiB
   * each with the stock locations (40 resellers' answers on both event loops added 5.4 MB of live heap), so at most
   * about 4 MiB per service instance.
   */
  static final int MEMO_AGENTS = 64;

  private final SqlClient db;
  private final SignupConfig rules;
  private final UnaryOperator<XmlRpcValue> wireTyping;
  private final RowsMemo<Long> memo = new RowsMemo<>(MEMO_AGENTS);

  /**
   * {@code typedAnswers}: as {@code compat.typedAnswers}. The answer is typed for the wire here, before it is kept,
   * so the dispatcher's own typing pass finds nothing to rewrite and the kept instance reaches the writer.
   */
  public SignupInfo(SqlClient db, SignupConfig rules, boolean typedAnswers) {
    this.db = db;
    this.rules = rules;
    this.wireTyping = typedAnswers ? UnaryOperator.identity() : FreesideTyping::strings;
  }

  /** The packages listed, and whether a code was sent that matched none (the list is then the agent's whole). */
  private record Packages(RowSet<Row> rows, boolean codeUnmatched) {
  }

  /**
   * The answer from the agent's rows, read anew on every call. Without a code (signup forms ask that way) an answer
   * built from the same rows as the agent's last one is that answer again; with a code it is always built.
   */
  public Future<XmlRpcValue> info(long agentnum, XStruct params) {
    String promo = Fields.trimmed(params, "promo_code");
    String reg = Fields.trimmed(params, "reg_code");
    Future<Packages> packages = packages(agentnum, promo, reg);
    Future<RowSet<Row>> referrals = db.preparedQuery(ProvisioningQueries.AGENT_REFERRALS).execute(Tuple.of(agentnum));
    Future<RowSet<Row>> locations = db.preparedQuery(ProvisioningQueries.LOCATIONS).execute(Tuple.tuple());
    Future<RowSet<Row>> domains = db.preparedQuery(ProvisioningQueries.AGENT_DOMAINS).execute(Tuple.of(agentnum));
    return Future.all(packages, referrals, locations, domains).map(done -> {
      Supplier<XmlRpcValue> build = () -> wireTyping.apply(answer(packages.result(), referrals.result(),
          locations.result(), domains.result(), reg));
      return promo.isEmpty() && reg.isEmpty()
          ? memo.answer(agentnum, List.of(packages.result().rows(), referrals.result(), locations.result(),
              domains.result()), build)
          : build.get();
    });
  }

  private XStruct answer(Packages packages, RowSet<Row> referrals, RowSet<Row> locations, RowSet<Row> domains,
                         String reg) {
    String agentName = referrals.iterator().next().getString("agent");
    String error = !packages.codeUnmatched() ? ""
        : reg.isEmpty() ? "Unknown promotional code" : "Unknown registration code";
    XStruct.Builder info = XStruct.builder()
        .put("error", error)
        .put("part_pkg", PackageEntries.of(packages.rows(), rules.paybys()))
        .put("cust_main_county", locations(locations))
        .put("part_referral", referrals(referrals))
        .put("agent", agentName)
        .put("agent_name", agentName)
        .put("card_types", cardTypes())
        .put("payby", PackageEntries.strings(rules.paybys()))
        .put("payby_longname", PackageEntries.strings(rules.paybys().stream().map(LONGNAMES::get).toList()))
        .put("cvv_enabled", "1")
        .put("require_cvv", rules.requireCvv() ? "1" : "")
        .put("countrydefault", rules.countryDefault())
        .put("statedefault", rules.stateDefault())
        .put("refnum", Long.toString(rules.defaultRefnum()))
        .put("default_pkgpart", "")
        .put("signup_service", "svc_acct")
        .put("security_phrase", "1")
        .put("ship_enabled", "1")
        .put("svc_acct_pop", new XArray(List.of()))
        .put("svc_domain", domains(domains));
    SignupInfoExtras.addTo(info, rules.paybys());
    return info.build();
  }

  /** With a code, its packages; when it matches none, the agent's whole list (as Freeside falls back). */
  private Future<Packages> packages(long agentnum, String promo, String reg) {
    if (promo.isEmpty() && reg.isEmpty()) {
      return query(agentnum, "", "").map(rows -> new Packages(rows, false));
    }
    return query(agentnum, promo, reg).compose(rows -> rows.size() > 0
        ? Future.succeededFuture(new Packages(rows, false))
        : query(agentnum, "", "").map(all -> new Packages(all, true)));
  }

  private Future<RowSet<Row>> query(long agentnum, String promo, String reg) {
    return db.preparedQuery(ProvisioningQueries.AGENT_PACKAGES).execute(Tuple.of(agentnum, promo, reg));
  }

  private static XArray locations(RowSet<Row> rows) {
    List<XmlRpcValue> items = new ArrayList<>();
    for (Row row : rows) {
      items.add(XStruct.builder(4)
          .put("taxnum", Math.toIntExact(row.getLong("taxnum")))
          .put("county", row.getString("county"))
          .put("state", row.getString("state"))
          .put("country", row.getString("country"))
          .build());
    }
    return new XArray(items);
  }

  private static XArray referrals(RowSet<Row> rows) {
    List<XmlRpcValue> items = new ArrayList<>();
    for (Row row : rows) {
      if (row.getLong("refnum") == null) {
        continue; // the agent row of an agent with no visible source
      }
      Long owner = row.getLong("agentnum");
      items.add(XStruct.builder(5)
          .put("refnum", Math.toIntExact(row.getLong("refnum")))
          .put("referral", row.getString("referral"))
          .put("agentnum", owner == null ? "" : Long.toString(owner))
          .put("title", row.getString("title"))
          .put("disabled", "")
          .build());
    }
    return new XArray(items);
  }

  private static XStruct cardTypes() {
    XStruct.Builder types = XStruct.builder();
    CARD_TYPES.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(type -> types.put(type.getKey(), type.getValue()));
    return types.build();
  }

  private static XArray domains(RowSet<Row> rows) {
    List<XmlRpcValue> items = new ArrayList<>();
    for (Row row : rows) {
      items.add(XStruct.builder(2)
          .put("svcnum", Math.toIntExact(row.getLong("svcnum")))
          .put("domain", row.getString("domain"))
          .build());
    }
    return new XArray(items);
  }
}
