package net.fsgateway.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Random damage to a valid call: the mutations hostile or broken clients actually produce. */
final class Mutator {
  private static final String[] INSERTS = {"<", "&", "]]>", "<![CDATA[", "&#0;", "&#x110000;", "&amp", "<x>",
      "</value>", "<value>", "<struct>", "<array><data>", "</member>", "<?xml version=\"1.0\"?>", "<!DOCTYPE x>",
      "<!--", "\"", "'", "<i4>99999999999999999999</i4>", "<double>1e99999</double>", "<methodCall>"};
  private static final String[] TAGS = {"value", "string", "int", "i4", "i8", "double", "boolean", "base64",
      "dateTime.iso8601", "nil", "struct", "member", "name", "array", "data", "param", "params", "methodName",
      "methodCall", "fault", "ex:nil", "a"};
  private static final byte[][] BAD_UTF8 = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0,
      (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};

  private final Random random;

  Mutator(long seed) {
    random = new Random(seed);
  }

  /** One to three mutations of {@code valid}. */
  byte[] mutate(byte[] valid) {
    byte[] out = valid;
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      out = once(out);
    }
    return out;
  }

  private byte[] once(byte[] in) {
    if (in.length == 0) {
      return ascii("<");
    }
    int at = random.nextInt(in.length);
    switch (random.nextInt(8)) {
      case 0:
        byte[] flipped = in.clone();
        flipped[at] = (byte) random.nextInt(256);
        return flipped;
      case 1:
        return java.util.Arrays.copyOf(in, at);
      case 2:
        return splice(in, at, 0, ascii(INSERTS[random.nextInt(INSERTS.length)]));
      case 3:
        int len = Math.min(in.length - at, 1 + random.nextInt(200));
        return splice(in, random.nextInt(in.length), 0, java.util.Arrays.copyOfRange(in, at, at + len));
      case 4:
        return splice(in, at, 0, BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
      case 5:
        return splice(in, at, 0, ascii(hugeNumber()));
      case 6:
        return splice(in, at, Math.min(in.length - at, 1 + random.nextInt(50)), new byte[0]);
      default:
        String tag = TAGS[random.nextInt(TAGS.length)];
        return splice(in, at, 0, ascii(random.nextBoolean() ? "<" + tag + ">" : "</" + tag + ">"));
    }
  }

  private String hugeNumber() {
    StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "");
    for (int i = 0, n = 10 + random.nextInt(80); i < n; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return random.nextBoolean() ? digits.toString() : digits + "e" + random.nextInt(100_000);
  }

  private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
    out.write(in, 0, at);
    out.writeBytes(insert);
    out.write(in, at + remove, in.length - at - remove);
    return out.toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
