package net.fsgateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Utf8RepairTest {
  @Test
  void repairsUtf8BytesSentAsLatin1() {
    assertThat(Utf8Repair.repair("Zo\u00c3\u00ab M\u00c3\u00bcller")).isEqualTo("Zo\u00eb M\u00fcller");
    assertThat(Utf8Repair.repair("\u00e2\u0082\u00ac")).isEqualTo("\u20ac");
    assertThat(Utf8Repair.repair("\u00f0\u009f\u0098\u0080")).isEqualTo("\ud83d\ude00");
  }

  @Test
  void leavesEverythingElseAlone() {
    assertThat(Utf8Repair.repair("plain ascii")).isEqualTo("plain ascii");
    assertThat(Utf8Repair.repair("Zo\u00eb")).isEqualTo("Zo\u00eb");
    assertThat(Utf8Repair.repair("Zo\u00c3\u00ab \u20ac")).isEqualTo("Zo\u00c3\u00ab \u20ac");
    // Overlong and CESU-8 surrogate encodings are not strictly valid UTF-8.
    assertThat(Utf8Repair.repair("\u00c0\u00af")).isEqualTo("\u00c0\u00af");
    assertThat(Utf8Repair.repair("\u00ed\u00a0\u0080")).isEqualTo("\u00ed\u00a0\u0080");
    assertThat(Utf8Repair.repair("\u00c3")).isEqualTo("\u00c3");
  }
}
