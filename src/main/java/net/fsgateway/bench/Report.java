package net.fsgateway.bench;

import java.util.Locale;
import java.util.Map;

/**
 * Formats a run as a markdown table (one row per method and a total) followed by one {@code SUMMARY} line of
 * key=value pairs that scripts can grep.
 */
public final class Report {
  private Report() {
  }

  public static String format(String title, RunStats stats) {
    StringBuilder out = new StringBuilder();
    out.append("### ").append(title).append('\n')
        .append(String.format(Locale.ROOT, "measured %.2f s%n%n", stats.elapsedSeconds()))
        .append("| method | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | expected errors | unexpected |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, MethodStats> e : stats.byMethod().entrySet()) {
      row(out, e.getKey(), e.getValue(), stats.elapsedSeconds());
    }
    MethodStats total = stats.total();
    row(out, "**total**", total, stats.elapsedSeconds());
    if (!stats.unexpectedSamples().isEmpty()) {
      out.append("\nunexpected answers (first ").append(stats.unexpectedSamples().size()).append("):\n");
      stats.unexpectedSamples().forEach(s -> out.append("  - ").append(s).append('\n'));
    }
    return out.toString();
  }

  /** One line: {@code SUMMARY key=value ...}; req/s and milliseconds with two decimals. */
  public static String summary(String labels, RunStats stats) {
    MethodStats t = stats.total();
    return String.format(Locale.ROOT,
        "SUMMARY %s requests=%d rps=%.2f p50=%.2f p90=%.2f p99=%.2f max=%.2f expected_errors=%d unexpected=%d",
        labels, t.requests(), rate(t, stats.elapsedSeconds()), t.percentileMillis(50), t.percentileMillis(90),
        t.percentileMillis(99), t.maxMillis(), t.expectedErrors(), t.unexpected());
  }

  private static void row(StringBuilder out, String name, MethodStats m, double seconds) {
    out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %d | %d |%n",
        name, m.requests(), rate(m, seconds), m.percentileMillis(50), m.percentileMillis(90),
        m.percentileMillis(99), m.maxMillis(), m.expectedErrors(), m.unexpected()));
  }

  private static double rate(MethodStats m, double seconds) {
    return seconds <= 0 ? 0 : m.requests() / seconds;
  }
}
