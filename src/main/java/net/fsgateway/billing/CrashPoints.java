package net.fsgateway.billing;

/**
 * Fault injection for the money-safety tests: with {@code -Dfsgw.crashAt=<step>} the process halts (as a
 * {@code kill -9}: no shutdown hook, no cleanup) when a signup reaches that step boundary. Unset (always, outside
 * those tests) it is one static final comparison.
 */
final class CrashPoints {
  static final String AFTER_JOURNAL_NEW = "after-journal-new";
  static final String AFTER_AUTHORIZE = "after-authorize";
  static final String AFTER_COMMIT = "after-commit";
  static final String AFTER_CAPTURE = "after-capture";

  private static final String CRASH_AT = System.getProperty("fsgw.crashAt", "");

  private CrashPoints() {
  }

  static void reached(String step) {
    if (CRASH_AT.equals(step)) {
      Runtime.getRuntime().halt(137);
    }
  }
}
