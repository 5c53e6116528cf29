package net.fsgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class ReportTest {
  private static RunStats twoMethods() {
    RunStats stats = new RunStats();
    for (int ms = 1; ms <= 100; ms++) {
      stats.record("check_username", ms * 1_000_000L, Verdict.OK, "");
    }
    stats.record("suspend_username", 250_000_000L, Verdict.EXPECTED_ERROR, "already suspended");
    stats.elapsedNanos(2_000_000_000L);
    return stats;
  }

  @Test
  void percentilesAreMillisecondsPerMethodAndInTotal() {
    RunStats stats = twoMethods();
    MethodStats checks = stats.byMethod().get("check_username");
    assertThat(checks.percentileMillis(50)).isCloseTo(50, offset(0.1));
    assertThat(checks.percentileMillis(90)).isCloseTo(90, offset(0.1));
    assertThat(checks.percentileMillis(99)).isCloseTo(99, offset(0.1));
    assertThat(checks.maxMillis()).isCloseTo(100, offset(0.1));
    assertThat(stats.total().maxMillis()).isCloseTo(250, offset(0.3));
  }

  @Test
  void tableHasOneRowPerMethodAndATotal() {
    String table = Report.format("scenario=mixed", twoMethods());
    assertThat(table).contains("| method | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | expected errors | unexpected |");
    assertThat(table).contains("| check_username | 100 | 50.0 | 50.02 | 90.05 | 99.01 | 100.03 | 0 | 0 |");
    assertThat(table).contains("| suspend_username | 1 | 0.5 |");
    assertThat(table).contains("| **total** | 101 | 50.5 |");
    assertThat(table).doesNotContain("unexpected answers");
  }

  @Test
  void summaryLineIsGreppableKeyValues() {
    String line = Report.summary("scenario=mixed mode=closed concurrency=16", twoMethods());
    assertThat(line).startsWith("SUMMARY scenario=mixed mode=closed concurrency=16 requests=101 rps=50.50 p50=")
        .endsWith("expected_errors=1 unexpected=0");
  }

  @Test
  void unexpectedAnswersAreListed() {
    RunStats stats = twoMethods();
    stats.record("new_customer", 1_000_000L, Verdict.UNEXPECTED, "_decline");
    assertThat(Report.format("t", stats)).contains("unexpected answers (first 1):\n  - new_customer: _decline");
  }

  @Test
  void emptyRunPrintsZeros() {
    RunStats stats = new RunStats();
    assertThat(Report.summary("x", stats)).contains("requests=0 rps=0.00 p50=0.00");
  }
}
