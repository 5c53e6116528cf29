package net.fsgateway.bench;

import java.time.Duration;
import java.util.Locale;

/** Parses the short duration forms the command line takes: {@code 500ms}, {@code 10s}, {@code 2m}, or bare seconds. */
public final class Durations {
  private Durations() {
  }

  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return nonNegative(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))), text);
      } else if (t.endsWith("s")) {
        return nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000)), text);
      } else if (t.endsWith("m")) {
        return nonNegative(Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60), text);
      }
      return nonNegative(Duration.ofSeconds(Long.parseLong(t)), text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration (e.g. 500ms, 10s, 2m): " + text);
    }
  }

  private static Duration nonNegative(Duration d, String text) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative duration: " + text);
    }
    return d;
  }
}
