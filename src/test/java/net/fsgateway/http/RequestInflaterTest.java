package net.fsgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import net.fsgateway.codec.ProtocolException;
import org.junit.jupiter.api.Test;

class RequestInflaterTest {
  private static final byte[] BODY = body();

  @Test
  void onlyGzipAndDeflateAreInflated() {
    assertThat(RequestInflater.forEncoding(null)).isNull();
    assertThat(RequestInflater.forEncoding("identity")).isNull();
    assertThat(RequestInflater.forEncoding("br")).isNull();
    assertThat(RequestInflater.forEncoding("GZIP")).isNotNull();
    assertThat(RequestInflater.forEncoding(" x-gzip ")).isNotNull();
    assertThat(RequestInflater.forEncoding("deflate")).isNotNull();
  }

  @Test
  void gzipInflatesWhateverTheChunking() throws Exception {
    byte[] zipped = gzip(BODY);
    for (int chunk : new int[] {zipped.length, 4096, 7, 1}) {
      assertThat(inflate("gzip", zipped, chunk)).as("chunks of %d", chunk).isEqualTo(BODY);
    }
  }

  @Test
  void aGzipHeaderWithEveryOptionalFieldAndMembersOneAfterAnother() throws Exception {
    byte[] member = gzip(BODY);
    ByteArrayOutputStream withFields = new ByteArrayOutputStream();
    withFields.write(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
    withFields.write(new byte[] {3, 0, 'a', 'b', 'c'}); // FEXTRA
    withFields.write("body.xml\0".getBytes(StandardCharsets.ISO_8859_1)); // FNAME
    withFields.write("a comment\0".getBytes(StandardCharsets.ISO_8859_1)); // FCOMMENT
    withFields.write(new byte[] {0, 0}); // FHCRC (not checked)
    withFields.write(member, 10, member.length - 10);
    withFields.write(gzip("<!-- second member -->".getBytes(StandardCharsets.UTF_8)));
    byte[] expected = (new String(BODY, StandardCharsets.UTF_8) + "<!-- second member -->")
        .getBytes(StandardCharsets.UTF_8);
    for (int chunk : new int[] {withFields.size(), 3, 1}) {
      assertThat(inflate("gzip", withFields.toByteArray(), chunk)).as("chunks of %d", chunk).isEqualTo(expected);
    }
  }

  @Test
  void deflateInflatesTheZlibFormatAndRawDeflate() throws Exception {
    byte[] zlib = deflate(BODY, false);
    byte[] raw = deflate(BODY, true);
    for (int chunk : new int[] {4096, 1}) {
      assertThat(inflate("deflate", zlib, chunk)).as("zlib, chunks of %d", chunk).isEqualTo(BODY);
      assertThat(inflate("deflate", raw, chunk)).as("raw, chunks of %d", chunk).isEqualTo(BODY);
    }
  }

  @Test
  void corruptTruncatedOrTrailedBodiesAreRefused() throws Exception {
    byte[] zipped = gzip(BODY);
    byte[] badCrc = zipped.clone();
    badCrc[badCrc.length - 6] ^= 1;
    assertThatThrownBy(() -> inflate("gzip", badCrc, 100)).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> inflate("gzip", Arrays.copyOf(zipped, zipped.length - 3), 100))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("not valid gzip or deflate");
    assertThatThrownBy(() -> inflate("gzip", "<?xml version=\"1.0\"?>".getBytes(StandardCharsets.UTF_8), 100))
        .isInstanceOf(ProtocolException.class);
    byte[] trailed = Arrays.copyOf(deflate(BODY, false), deflate(BODY, false).length + 1);
    assertThatThrownBy(() -> inflate("deflate", trailed, 100)).isInstanceOf(ProtocolException.class);
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0xff);
    assertThatThrownBy(() -> inflate("deflate", garbage, 100)).isInstanceOf(ProtocolException.class);
  }

  @Test
  void whatTheSinkRefusesStopsTheInflatingAtOnce() throws Exception {
    byte[] bomb = gzip(new byte[8 << 20]);
    RequestInflater inflater = RequestInflater.forEncoding("gzip");
    int[] seen = {0};
    ProtocolException limit = new ProtocolException(net.fsgateway.xmlrpc.FaultCode.INVALID_REQUEST, "too large");
    assertThatThrownBy(() -> inflater.feed(bomb, 0, bomb.length, (b, off, len) -> {
      seen[0] += len;
      if (seen[0] > 1 << 20) {
        throw limit;
      }
    })).isSameAs(limit);
    assertThat(seen[0]).isLessThanOrEqualTo((1 << 20) + 16 * 1024);
    inflater.release();
    inflater.release();
  }

  private static byte[] inflate(String coding, byte[] compressed, int chunk) throws ProtocolException {
    RequestInflater inflater = RequestInflater.forEncoding(coding);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < compressed.length; at += chunk) {
      int n = Math.min(chunk, compressed.length - at);
      // each chunk in an array of its own, at an offset, as the HTTP server hands them over
      byte[] framed = new byte[n + 5];
      System.arraycopy(compressed, at, framed, 3, n);
      inflater.feed(framed, 3, n, out::write);
    }
    inflater.end();
    return out.toByteArray();
  }

  private static byte[] body() {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><methodCall><methodName>check_username</methodName>");
    for (int i = 0; i < 2000; i++) {
      s.append("<!-- ").append(i * 7919 % 1000).append(" -->");
    }
    return s.append("</methodCall>").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(6, raw))) {
      z.write(data);
    }
    return out.toByteArray();
  }
}
