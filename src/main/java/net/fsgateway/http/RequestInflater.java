package net.fsgateway.http;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.fsgateway.codec.ProtocolException;
import net.fsgateway.xmlrpc.FaultCode;

/**
 * Inflates a request body sent with {@code Content-Encoding: gzip} (RFC 1952, members one after another) or
 * {@code deflate} (the zlib format, RFC 1950, or raw deflate as some clients send it), a chunk at a time, through
 * a fixed window: the decoder sees the inflated bytes as they come and counts them against the body limit, so a
 * gzip bomb stops at the limit having held one window. Done here rather than by Vert.x's decompression option,
 * whose decoder every request and body chunk passed through, compressed or not (issue 15). Not thread-safe: one
 * per request, on its event loop.
 */
final class RequestInflater {
  /** Where the inflated bytes go (the request decoder). */
  interface Sink {
    void accept(byte[] bytes, int offset, int length) throws ProtocolException;
  }

  private static final int WINDOW_BYTES = 16 * 1024;
  /** A gzip header longer than this (its file name or comment) is refused rather than held. */
  private static final int MAX_HEADER_BYTES = 4096;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final boolean gzip;
  private final byte[] window = new byte[WINDOW_BYTES];
  private final CRC32 crc = new CRC32();
  private Inflater inflater;
  /** Bytes held until they can be read as a whole: a gzip header or trailer, deflate's first two bytes. */
  private byte[] held = new byte[0];
  private Phase phase;

  private enum Phase { HEADER, BODY, TRAILER, DONE }

  private RequestInflater(boolean gzip) {
    this.gzip = gzip;
    this.phase = Phase.HEADER;
  }

  /** An inflater for {@code contentEncoding}; null for none or identity, and for codings it does not know. */
  static RequestInflater forEncoding(String contentEncoding) {
    if (contentEncoding == null) {
      return null;
    }
    String coding = contentEncoding.trim();
    if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
      return new RequestInflater(true);
    }
    if (coding.equalsIgnoreCase("deflate") || coding.equalsIgnoreCase("x-deflate")) {
      return new RequestInflater(false);
    }
    return null; // passed on as sent, as Vert.x did: the XML decoder then refuses what it cannot read
  }

  void feed(byte[] bytes, int offset, int length, Sink sink) throws ProtocolException {
    int end = offset + length;
    int at = offset;
    while (at < end) {
      switch (phase) {
        case HEADER -> at = header(bytes, at, end, sink);
        case BODY -> at = body(bytes, at, end, sink);
        case TRAILER -> at = trailer(bytes, at, end);
        case DONE -> throw corrupt(); // bytes after a deflate stream's end
      }
    }
  }

  /** The body ended: it must have ended where its compressed stream did. */
  void end() throws ProtocolException {
    boolean complete = phase == Phase.DONE || (gzip && phase == Phase.HEADER && held.length == 0 && inflater != null);
    release();
    if (!complete) {
      throw corrupt();
    }
  }

  /** Frees the native inflater (also done by {@link #end}); safe to call more than once. */
  void release() {
    if (inflater != null) {
      inflater.end();
    }
  }

  /**
   * gzip: reads a member's header, which may span chunks (held until whole). deflate: looks at the first two bytes
   * to tell the zlib format from raw deflate; they are the stream's own, so they are inflated, not skipped.
   */
  private int header(byte[] bytes, int at, int end, Sink sink) throws ProtocolException {
    int taken = Math.min(end - at, MAX_HEADER_BYTES - held.length);
    if (taken <= 0) {
      throw corrupt();
    }
    byte[] joined = Arrays.copyOf(held, held.length + taken);
    System.arraycopy(bytes, at, joined, held.length, taken);
    int length = gzip ? gzipHeaderLength(joined) : (joined.length >= 2 ? 0 : -1);
    if (length < 0) {
      held = joined;
      return at + taken;
    }
    byte[] earlier = held;
    held = new byte[0];
    if (inflater != null) {
      inflater.end(); // the previous gzip member's
    }
    inflater = new Inflater(gzip || !isZlibHeader(joined));
    crc.reset();
    phase = Phase.BODY;
    if (!gzip) {
      // deflate's byte held from an earlier chunk goes in first; this chunk's bytes then go on from its start
      if (earlier.length > 0) {
        body(earlier, 0, earlier.length, sink);
      }
      return at;
    }
    // a gzip header is longer than what was held (else it would have been read then): the body starts in this chunk
    return at + (length - earlier.length);
  }

  private int body(byte[] bytes, int at, int end, Sink sink) throws ProtocolException {
    inflater.setInput(bytes, at, end - at);
    try {
      while (true) {
        int n = inflater.inflate(window);
        if (n > 0) {
          if (gzip) {
            crc.update(window, 0, n);
          }
          sink.accept(window, 0, n);
        } else if (inflater.finished()) {
          break; // (the call that reads the stream's end may give no bytes)
        } else if (inflater.needsInput()) {
          return end;
        } else {
          throw corrupt(); // a preset dictionary, which HTTP bodies never use
        }
      }
    } catch (DataFormatException e) {
      throw corrupt();
    }
    phase = gzip ? Phase.TRAILER : Phase.DONE;
    return end - inflater.getRemaining();
  }

  private int trailer(byte[] bytes, int at, int end) throws ProtocolException {
    int taken = Math.min(end - at, 8 - held.length);
    byte[] joined = Arrays.copyOf(held, held.length + taken);
    System.arraycopy(bytes, at, joined, held.length, taken);
    if (joined.length < 8) {
      held = joined;
      return at + taken;
    }
    held = new byte[0];
    if (le32(joined, 0) != (int) crc.getValue() || le32(joined, 4) != (int) inflater.getBytesWritten()) {
      throw corrupt();
    }
    phase = Phase.HEADER; // another member may follow
    return at + taken;
  }

  /** The length of a complete gzip member header at the start of {@code b}, or -1 if more bytes are needed. */
  private static int gzipHeaderLength(byte[] b) throws ProtocolException {
    if (b.length < 10) {
      return -1;
    }
    if ((b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b || b[2] != 8) {
      throw corrupt();
    }
    int flags = b[3] & 0xff;
    int at = 10;
    if ((flags & FEXTRA) != 0) {
      if (b.length < at + 2) {
        return -1;
      }
      at += 2 + ((b[at] & 0xff) | (b[at + 1] & 0xff) << 8);
    }
    for (int field : new int[] {FNAME, FCOMMENT}) {
      if ((flags & field) != 0) {
        while (at < b.length && b[at] != 0) {
          at++;
        }
        if (at >= b.length) {
          return -1;
        }
        at++;
      }
    }
    if ((flags & FHCRC) != 0) {
      at += 2;
    }
    return at <= b.length ? at : -1;
  }

  /** RFC 1950: deflate (method 8) and a check value that makes the first two bytes a multiple of 31. */
  private static boolean isZlibHeader(byte[] b) {
    int cmf = b[0] & 0xff;
    int flg = b[1] & 0xff;
    return (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
  }

  private static int le32(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }

  private static ProtocolException corrupt() {
    return new ProtocolException(FaultCode.PARSE_ERROR, "the request body is not valid gzip or deflate data");
  }
}
