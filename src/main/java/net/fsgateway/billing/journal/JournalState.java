package net.fsgateway.billing.journal;

import java.util.Locale;

/** An attempt's state: new → authorized → captured | voided; or new → declined | failed. */
public enum JournalState {
  NEW, AUTHORIZED, CAPTURED, VOIDED, DECLINED, FAILED;

  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }
}
