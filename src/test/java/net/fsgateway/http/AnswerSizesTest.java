package net.fsgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerSizesTest {
  @Test
  void aLargeAnswerSizesTheNextOfItsMethodOnly() {
    AnswerSizes sizes = new AnswerSizes();
    assertThat(sizes.expected("signup_info")).isEqualTo(AnswerSizes.DEFAULT_BYTES);
    sizes.written("signup_info", 40_000);
    sizes.written("check_username", 300);
    assertThat(sizes.expected("signup_info")).isEqualTo(45_000);
    assertThat(sizes.expected("check_username")).isEqualTo(AnswerSizes.DEFAULT_BYTES);
    assertThat(sizes.expected(null)).isEqualTo(AnswerSizes.DEFAULT_BYTES);
    sizes.written("signup_info", 8_000); // follows the latest, so one outlier does not hold a large buffer forever
    assertThat(sizes.expected("signup_info")).isEqualTo(9_000);
  }

  @Test
  void madeUpMethodNamesCannotGrowIt() {
    AnswerSizes sizes = new AnswerSizes();
    for (int i = 0; i < 1_000; i++) {
      sizes.written("m" + i, 10_000);
    }
    assertThat(sizes.expected("m" + (AnswerSizes.MAX_METHODS - 1))).isEqualTo(11_250);
    assertThat(sizes.expected("m" + AnswerSizes.MAX_METHODS)).isEqualTo(AnswerSizes.DEFAULT_BYTES);
    sizes.written("m0", 20_000);
    assertThat(sizes.expected("m0")).isEqualTo(22_500);
  }
}
