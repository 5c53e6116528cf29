package net.fsgateway.provisioning;

import java.util.Locale;

/**
 * A customer's status, derived from its packages as Freeside's cust_main does: no package → prospect; any live
 * (not suspended, not cancelled) package → active; every uncancelled package suspended → suspended; every package
 * cancelled → cancelled. Names, labels and colours are Freeside's {@code status}, {@code status_label} and {@code statuscolor}
 * (its default "Classic" status module).
 */
public enum CustomerStatus {
  PROSPECT("prospect", "No packages", "FF00F5"),
  ACTIVE("active", "Active", "00CC00"),
  SUSPENDED("suspended", "Suspended", "FF9900"),
  CANCELLED("cancelled", "Cancelled", "FF0000");

  /**
   * SQL: a {@code LEFT JOIN LATERAL} giving column {@code status} for the customer row aliased {@code c}. One pass
   * over the customer's packages (cust_pkg_custnum_idx).
   */
  static final String LATERAL = " LEFT JOIN LATERAL (SELECT CASE"
      + " WHEN count(*) = 0 THEN 'prospect'"
      + " WHEN count(*) FILTER (WHERE p.susp IS NULL AND p.cancel IS NULL) > 0 THEN 'active'"
      + " WHEN count(*) FILTER (WHERE p.cancel IS NULL) > 0 THEN 'suspended'"
      + " ELSE 'cancelled' END AS status FROM cust_pkg p WHERE p.custnum = c.custnum) st ON true";

  private final String label;
  private final String text;
  private final String color;

  CustomerStatus(String label, String text, String color) {
    this.label = label;
    this.text = text;
    this.color = color;
  }

  /** Freeside's {@code status_label} (cust_main/Status.pm's statuslabels). */
  public String text() {
    return text;
  }

  /** Freeside's status word, as the SQL above produces it. */
  public String label() {
    return label;
  }

  /** Freeside's {@code statuscolor} for the status. */
  public String color() {
    return color;
  }

  public static CustomerStatus of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
