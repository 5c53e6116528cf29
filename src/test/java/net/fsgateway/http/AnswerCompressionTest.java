package net.fsgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import net.fsgateway.http.AnswerCompression.Coding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnswerCompressionTest {
  @Test
  void acceptEncodingIsReadWithItsQualities() {
    assertThat(AnswerCompression.chosen("gzip")).isEqualTo(Coding.GZIP);
    assertThat(AnswerCompression.chosen("x-gzip")).isEqualTo(Coding.GZIP);
    assertThat(AnswerCompression.chosen("deflate")).isEqualTo(Coding.DEFLATE); // Perl's RPC::XML
    assertThat(AnswerCompression.chosen("gzip, deflate")).isEqualTo(Coding.GZIP);
    assertThat(AnswerCompression.chosen("deflate, GZIP;q=0.5")).isEqualTo(Coding.DEFLATE);
    assertThat(AnswerCompression.chosen("*")).isEqualTo(Coding.GZIP);
    assertThat(AnswerCompression.chosen("gzip;q=0, *")).isEqualTo(Coding.DEFLATE);
    assertThat(AnswerCompression.chosen("identity")).isNull();
    assertThat(AnswerCompression.chosen("br")).isNull();
    assertThat(AnswerCompression.chosen("gzip;q=0")).isNull();
    assertThat(AnswerCompression.chosen("gzip; q=0.0, identity")).isNull();
    assertThat(AnswerCompression.chosen("gzip;q=nonsense")).isNull();
    assertThat(AnswerCompression.chosen("*;q=0")).isNull();
    assertThat(AnswerCompression.chosen("")).isNull();
  }

  @ParameterizedTest
  @EnumSource(Coding.class)
  void aWholeAnswerDecodesToTheSameBytes(Coding coding) throws IOException {
    byte[] answer = text(100_000);
    byte[] compressed = AnswerCompression.compress(Buffer.buffer(answer), coding).getBytes();
    assertThat(compressed.length).isLessThan(answer.length / 2);
    assertThat(decode(compressed, coding)).isEqualTo(answer);
  }

  @ParameterizedTest
  @EnumSource(Coding.class)
  void aStreamedAnswerDecodesPieceByPieceAndWhole(Coding coding) throws Exception {
    AnswerCompression.Stream stream = new AnswerCompression.Stream(coding);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    wire.write(stream.start().getBytes());
    int headerLength = wire.size();
    Inflater reader = new Inflater(coding == Coding.GZIP); // gzip: raw deflate after the 10-byte header
    byte[] decoded = new byte[1 << 20];
    int decodedLength = 0;
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      byte[] piece = i % 10 == 9 ? randomBytes(random, 20_000) : text(300 + i);
      sent.write(piece);
      byte[] out = stream.next(Buffer.buffer(piece)).getBytes();
      wire.write(out);
      // flushed: what came so far decodes to everything sent so far, before the answer ends
      reader.setInput(i == 0 ? Arrays.copyOfRange(wire.toByteArray(), headerLength, wire.size()) : out);
      int n;
      while ((n = reader.inflate(decoded, decodedLength, decoded.length - decodedLength)) > 0) {
        decodedLength += n;
      }
      assertThat(decodedLength).as("piece %d", i).isEqualTo(sent.size());
    }
    byte[] tail = "</methodResponse>".getBytes(StandardCharsets.UTF_8);
    sent.write(tail);
    wire.write(stream.last(Buffer.buffer(tail)).getBytes());
    assertThat(decode(wire.toByteArray(), coding)).isEqualTo(sent.toByteArray());
  }

  @Test
  void aReleasedStreamDropsLaterPieces() {
    AnswerCompression.Stream stream = new AnswerCompression.Stream(Coding.GZIP);
    stream.start();
    stream.next(Buffer.buffer("abc"));
    stream.release();
    stream.release();
    assertThat(stream.next(Buffer.buffer("def")).length()).isZero();
    assertThat(stream.last(Buffer.buffer("ghi")).length()).isZero();
  }

  private static byte[] text(int length) {
    StringBuilder s = new StringBuilder();
    while (s.length() < length) {
      s.append("<member><name>custnum</name><value><string>").append(s.length()).append("</string></value></member>");
    }
    return s.substring(0, length).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] decode(byte[] compressed, Coding coding) throws IOException {
    ByteArrayInputStream raw = new ByteArrayInputStream(compressed);
    try (InputStream in = coding == Coding.GZIP ? new GZIPInputStream(raw) : new InflaterInputStream(raw)) {
      return in.readAllBytes();
    }
  }
}
