package net.fsgateway.provisioning;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * signup_info's {@code part_pkg} entries as Freeside builds them: the package's columns, {@code options}
 * ({@code setup_fee}, {@code recur_fee}), {@code freq_pretty} and {@code payby} (the payment types it may be bought
 * with: the package's own list, if it has one, within the gateway's {@code billing.paybys}).
 */
final class PackageEntries {
  /** Freeside's names of billing frequencies in months (FS::Misc pkg_freqs). */
  private static final Map<Integer, String> FREQ_NAMES = Map.ofEntries(
      Map.entry(0, "(no recurring fee)"), Map.entry(1, "monthly"), Map.entry(2, "bimonthly (every 2 months)"),
      Map.entry(3, "quarterly (every 3 months)"), Map.entry(4, "every 4 months"),
      Map.entry(6, "semiannually (every 6 months)"), Map.entry(12, "annually"),
      Map.entry(13, "every 13 months (annually +1 month)"), Map.entry(24, "biannually (every 2 years)"),
      Map.entry(36, "triannually (every 3 years)"), Map.entry(48, "(every 4 years)"),
      Map.entry(60, "(every 5 years)"), Map.entry(120, "(every 10 years)"));

  private PackageEntries() {
  }

  static String freqPretty(int months) {
    return FREQ_NAMES.getOrDefault(months, "every " + months + " months");
  }

  static XArray of(RowSet<Row> rows, List<String> gatewayPaybys) {
    List<XmlRpcValue> items = new ArrayList<>();
    for (Row row : rows) {
      String setup = row.getString("setup_fee");
      String recur = row.getString("recur_fee");
      int freq = row.getInteger("freq");
      items.add(XStruct.builder()
          .put("pkgpart", Math.toIntExact(row.getLong("pkgpart")))
          .put("pkg", row.getString("pkg"))
          .put("setup_fee", setup)
          .put("recur_fee", recur)
          // Freeside's part_pkg.freq is text ("1", "12", "0"); kept a string for drop-in clients.
          .put("freq", Integer.toString(freq))
          .put("freq_pretty", freqPretty(freq))
          .put("promo_code", row.getString("promo_code"))
          .put("options", XStruct.builder().put("setup_fee", setup).put("recur_fee", recur).build())
          .put("payby", strings(paybys(row.getArrayOfStrings("paybys"), gatewayPaybys)))
          .build());
    }
    return new XArray(items);
  }

  private static List<String> paybys(String[] own, List<String> gatewayPaybys) {
    return own == null ? gatewayPaybys : gatewayPaybys.stream().filter(Arrays.asList(own)::contains).toList();
  }

  static XArray strings(List<String> values) {
    return new XArray(values.stream().map(XString::of).map(XmlRpcValue.class::cast).toList());
  }
}
