package net.fsgateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableNameTest {
  @Test
  void controlFormatAndSeparatorCharsBecomeQuestionMarks() {
    assertThat(Dispatcher.printable("a\u0001b\u0085c\u202Ed\u200Be\u2028f")).isEqualTo("a?b?c?d?e?f");
  }

  @Test
  void markupAndOrdinaryUnicodeAreKeptForTheWriterToEscape() {
    assertThat(Dispatcher.printable("<a&b>\u00e9\u4e2d\uD83D\uDE00")).isEqualTo("<a&b>\u00e9\u4e2d\uD83D\uDE00");
  }

  @Test
  void longNamesAreCutAtEightyCodePointsNeverInsideAPair() {
    String emoji = "\uD83D\uDE00";
    String cut = Dispatcher.printable(emoji.repeat(200));
    assertThat(cut).isEqualTo(emoji.repeat(80) + "…");
    assertThat(Dispatcher.printable("x".repeat(10_000))).hasSize(81);
  }
}
