package net.fsgateway.codec;

import io.vertx.core.buffer.Buffer;

/**
 * {@code <base64>} text. Reading skips XML whitespace (clients wrap lines at 60 or 76 columns) and then insists on
 * the standard alphabet with correct padding: the MIME decoder's habit of skipping any stray character would
 * accept garbage. Writing emits one unwrapped line.
 */
final class Base64Text {
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(
          java.nio.charset.StandardCharsets.US_ASCII);
  private static final int[] VALUES = new int[128];

  static {
    java.util.Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = i;
    }
  }

  private Base64Text() {
  }

  /** The decoded bytes, or null when the text is not strict base64. */
  static byte[] decode(CharSequence text) {
    int len = text.length();
    char[] clean = new char[len];
    int n = 0;
    for (int i = 0; i < len; i++) {
      char ch = text.charAt(i);
      if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
        clean[n++] = ch;
      }
    }
    if (n % 4 != 0) {
      return null;
    }
    int pad = n == 0 ? 0 : clean[n - 1] == '=' ? (clean[n - 2] == '=' ? 2 : 1) : 0;
    byte[] out = new byte[n / 4 * 3 - pad];
    int o = 0;
    for (int i = 0; i < n; i += 4) {
      boolean last = i + 4 == n;
      int a = value(clean[i]);
      int b = value(clean[i + 1]);
      int c = last && pad == 2 ? 0 : value(clean[i + 2]);
      int d = last && pad >= 1 ? 0 : value(clean[i + 3]);
      if ((a | b | c | d) < 0) {
        return null;
      }
      int bits = a << 18 | b << 12 | c << 6 | d;
      out[o++] = (byte) (bits >> 16);
      if (o < out.length) {
        out[o++] = (byte) (bits >> 8);
      }
      if (o < out.length) {
        out[o++] = (byte) bits;
      }
    }
    return out;
  }

  private static int value(char ch) {
    return ch < 128 ? VALUES[ch] : -1;
  }

  static void encode(byte[] data, Buffer out) {
    int i = 0;
    for (; i + 3 <= data.length; i += 3) {
      int bits = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff);
      quad(out, bits, 4);
    }
    int rest = data.length - i;
    if (rest == 1) {
      quad(out, (data[i] & 0xff) << 16, 2);
    } else if (rest == 2) {
      quad(out, (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8, 3);
    }
  }

  private static void quad(Buffer out, int bits, int chars) {
    for (int k = 0; k < 4; k++) {
      out.appendByte(k < chars ? ALPHABET[(bits >> (18 - 6 * k)) & 0x3f] : (byte) '=');
    }
  }
}
