package net.fsgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The access line's duration: milliseconds with two decimals, rounded half up. */
class AccessLogTest {

  @Test
  void millisecondsHaveTwoDecimals() {
    assertThat(AccessLog.millis(0)).isEqualTo("0.00");
    assertThat(AccessLog.millis(4_999)).isEqualTo("0.00");
    assertThat(AccessLog.millis(5_000)).isEqualTo("0.01");
    assertThat(AccessLog.millis(90_000)).isEqualTo("0.09");
    assertThat(AccessLog.millis(1_514_999)).isEqualTo("1.51");
    assertThat(AccessLog.millis(1_515_000)).isEqualTo("1.52");
    assertThat(AccessLog.millis(12_000_000)).isEqualTo("12.00");
    assertThat(AccessLog.millis(602_740_000)).isEqualTo("602.74");
    assertThat(AccessLog.millis(30_000_000_000L)).isEqualTo("30000.00");
  }
}
