package net.fsgateway.codec;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Appends text to a {@link Buffer} as escaped UTF-8, char by char, with no intermediate String or byte[].
 *
 * <p>Escapes {@code &}, {@code <}, {@code >} and CR (as {@code &#13;}, so a parser's line-end normalisation does
 * not turn it into LF). Replacement rule: chars XML 1.0 cannot carry (U+0000..U+001F except tab, LF and CR;
 * U+FFFE; U+FFFF; an unpaired surrogate) are written as U+FFFD, because a document containing them is not XML
 * at all and no client could read the response.
 */
final class XmlEscaper {
  private static final byte[] AMP = ascii("&amp;");
  private static final byte[] LT = ascii("&lt;");
  private static final byte[] GT = ascii("&gt;");
  private static final byte[] CR = ascii("&#13;");
  private static final byte[] REPLACEMENT = "\uFFFD".getBytes(StandardCharsets.UTF_8);

  private XmlEscaper() {
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static void append(Buffer out, String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '&' && c != '<' && c != '>') {
          out.appendByte((byte) c);
        } else if (c == '&') {
          out.appendBytes(AMP);
        } else if (c == '<') {
          out.appendBytes(LT);
        } else if (c == '>') {
          out.appendBytes(GT);
        } else if (c == '\r') {
          out.appendBytes(CR);
        } else if (c == '\t' || c == '\n') {
          out.appendByte((byte) c);
        } else {
          out.appendBytes(REPLACEMENT);
        }
      } else if (c < 0x800) {
        out.appendByte((byte) (0xC0 | c >> 6));
        out.appendByte((byte) (0x80 | c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out.appendByte((byte) (0xF0 | cp >> 18));
        out.appendByte((byte) (0x80 | cp >> 12 & 0x3F));
        out.appendByte((byte) (0x80 | cp >> 6 & 0x3F));
        out.appendByte((byte) (0x80 | cp & 0x3F));
      } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
        out.appendBytes(REPLACEMENT);
      } else {
        out.appendByte((byte) (0xE0 | c >> 12));
        out.appendByte((byte) (0x80 | c >> 6 & 0x3F));
        out.appendByte((byte) (0x80 | c & 0x3F));
      }
    }
  }

  /** Appends the decimal digits of an int without allocating a String. */
  static void appendInt(Buffer out, int value) {
    if (value < 0) {
      out.appendByte((byte) '-');
      if (value == Integer.MIN_VALUE) {
        out.appendBytes(ascii("2147483648"));
        return;
      }
      value = -value;
    }
    int div = 1;
    while (value / div >= 10) {
      div *= 10;
    }
    for (; div > 0; div /= 10) {
      out.appendByte((byte) ('0' + value / div % 10));
    }
  }
}
