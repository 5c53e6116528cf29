package net.fsgateway.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compressed answers for clients that ask ({@code Accept-Encoding}: gzip, or deflate as Perl's RPC::XML sends): a
 * whole answer of at least {@link #THRESHOLD_BYTES}, and every streamed one (its length is not known up front). Done
 * here rather than by Vert.x's compression option, which puts a compressor and a chunked-write handler in every
 * connection's pipeline that every answer passes through, asked or not: with them check_username cost 6% more CPU
 * per call (32.8 against 30.7 µs, alternated, issue 15), while nearly every answer is a few hundred bytes.
 */
final class AnswerCompression {
  /** Smaller answers go as they are: compressing a few hundred bytes costs more CPU than it saves on the wire. */
  static final int THRESHOLD_BYTES = 1024;
  /** Vert.x's (and zlib's usual) default level. */
  private static final int LEVEL = 6;
  /** RFC 1952 member header: magic, deflate, no flags, no mtime, no extra flags, OS unknown. */
  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  /** A content coding the gateway writes; deflate is the zlib format (RFC 1950), as HTTP means it. */
  enum Coding {
    GZIP("gzip"), DEFLATE("deflate");

    private final CharSequence header;

    Coding(String name) {
      this.header = HttpHeaders.createOptimized(name);
    }
  }

  private AnswerCompression() {
  }

  /** The coding to answer {@code request} with, or null for none (not asked, or refused with q=0). */
  static Coding chosen(HttpServerRequest request) {
    String header = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    return header == null ? null : chosen(header);
  }

  /** gzip unless deflate is preferred; a coding not named takes the quality of {@code *}, if given. */
  static Coding chosen(String acceptEncoding) {
    double gzip = -1;
    double deflate = -1;
    double any = -1;
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.split(";");
      String name = parts[0].trim();
      if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
        gzip = Math.max(gzip, quality(parts));
      } else if (name.equalsIgnoreCase("deflate")) {
        deflate = Math.max(deflate, quality(parts));
      } else if (name.equals("*")) {
        any = quality(parts);
      }
    }
    gzip = gzip < 0 ? any : gzip;
    deflate = deflate < 0 ? any : deflate;
    if (gzip > 0 && gzip >= deflate) {
      return Coding.GZIP;
    }
    return deflate > 0 ? Coding.DEFLATE : null;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim();
      if (param.regionMatches(true, 0, "q=", 0, 2)) {
        try {
          return Double.parseDouble(param.substring(2).trim());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  static void markEncoded(MultiMap headers, Coding coding) {
    headers.set(HttpHeaders.CONTENT_ENCODING, coding.header);
  }

  /** A whole answer, compressed. */
  static Buffer compress(Buffer answer, Coding coding) {
    Stream stream = new Stream(coding);
    return stream.start().appendBuffer(stream.last(answer));
  }

  /**
   * One streamed answer, compressed as its pieces come: {@link #start} first, each piece through {@link #next}
   * (flushed, so the client can decode what it has), {@link #last} with the tail. {@link #release} frees the native
   * compressor early if the answer is abandoned (otherwise the last piece does).
   */
  static final class Stream {
    private final Coding coding;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] window = new byte[8192];
    /** Released or finished: the native compressor is gone, and later pieces are dropped. */
    private boolean ended;

    Stream(Coding coding) {
      this.coding = coding;
      // gzip: raw deflate inside the member's own header and trailer; deflate: the zlib format, Deflater's own
      this.deflater = new Deflater(LEVEL, coding == Coding.GZIP);
    }

    Buffer start() {
      return coding == Coding.GZIP ? Buffer.buffer(GZIP_HEADER.length + 64).appendBytes(GZIP_HEADER) : Buffer.buffer();
    }

    Buffer next(Buffer piece) {
      if (ended) {
        return Buffer.buffer();
      }
      Buffer out = Buffer.buffer(piece.length() / 2 + 64);
      feed(piece);
      drain(out, Deflater.SYNC_FLUSH, false);
      return out;
    }

    Buffer last(Buffer tail) {
      if (ended) {
        return Buffer.buffer();
      }
      ended = true;
      Buffer out = Buffer.buffer(tail.length() / 2 + 64);
      feed(tail);
      deflater.finish();
      drain(out, Deflater.NO_FLUSH, true);
      long size = deflater.getBytesRead();
      deflater.end();
      if (coding == Coding.GZIP) {
        // the member's trailer: CRC-32 and the input's size modulo 2^32, little-endian
        out.appendIntLE((int) crc.getValue()).appendIntLE((int) size);
      }
      return out;
    }

    void release() {
      if (!ended) {
        ended = true;
        deflater.end();
      }
    }

    private void feed(Buffer piece) {
      byte[] bytes = piece.getBytes();
      if (coding == Coding.GZIP) {
        crc.update(bytes);
      }
      deflater.setInput(bytes);
    }

    /**
     * Takes what the compressor has for the input given so far: until it is finished when finishing, else until a
     * call leaves room in the window (with SYNC_FLUSH that means everything was flushed).
     */
    private void drain(Buffer out, int flush, boolean finishing) {
      while (true) {
        int n = deflater.deflate(window, 0, window.length, flush);
        out.appendBytes(window, 0, n);
        if (finishing ? deflater.finished() : n < window.length) {
          return;
        }
      }
    }
  }
}
