package net.fsgateway.codec;

import static net.fsgateway.codec.XmlEscaper.ascii;

import io.vertx.core.buffer.Buffer;
import java.util.Map;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XBase64;
import net.fsgateway.xmlrpc.XBoolean;
import net.fsgateway.xmlrpc.XDateTime;
import net.fsgateway.xmlrpc.XDouble;
import net.fsgateway.xmlrpc.XI8;
import net.fsgateway.xmlrpc.XInt;
import net.fsgateway.xmlrpc.XNil;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** Writes one {@code <value>} element per variant from precomputed tag bytes; text goes through {@link XmlEscaper}. */
final class ValueWriter {
  private static final byte[] STRING_OPEN = ascii("<value><string>");
  private static final byte[] STRING_CLOSE = ascii("</string></value>");
  private static final byte[] INT_OPEN = ascii("<value><int>");
  private static final byte[] INT_CLOSE = ascii("</int></value>");
  private static final byte[] I8_OPEN = ascii("<value><i8>");
  private static final byte[] I8_CLOSE = ascii("</i8></value>");
  private static final byte[] TRUE = ascii("<value><boolean>1</boolean></value>");
  private static final byte[] FALSE = ascii("<value><boolean>0</boolean></value>");
  private static final byte[] DOUBLE_OPEN = ascii("<value><double>");
  private static final byte[] DOUBLE_CLOSE = ascii("</double></value>");
  private static final byte[] DATETIME_OPEN = ascii("<value><dateTime.iso8601>");
  private static final byte[] DATETIME_CLOSE = ascii("</dateTime.iso8601></value>");
  private static final byte[] BASE64_OPEN = ascii("<value><base64>");
  private static final byte[] BASE64_CLOSE = ascii("</base64></value>");
  private static final byte[] NIL = ascii("<value><nil/></value>");
  /** Freeside's undefined value: XMLRPC::Lite writes Perl's undef as an empty value. */
  private static final byte[] EMPTY = ascii("<value/>");
  private static final byte[] STRUCT_OPEN = ascii("<value><struct>");
  private static final byte[] STRUCT_CLOSE = ascii("</struct></value>");
  private static final byte[] MEMBER_OPEN = ascii("<member><name>");
  private static final byte[] NAME_CLOSE = ascii("</name>");
  private static final byte[] MEMBER_CLOSE = ascii("</member>");
  private static final byte[] ARRAY_OPEN = ascii("<value><array><data>");
  private static final byte[] ARRAY_CLOSE = ascii("</data></array></value>");

  private ValueWriter() {
  }

  static void write(XmlRpcValue v, Buffer out) {
    write(v, out, false);
  }

  /** {@code undefinedAsEmpty}: an {@link XNil} is written {@code <value/>} (Freeside's undef), not {@code <nil/>}. */
  static void write(XmlRpcValue v, Buffer out, boolean undefinedAsEmpty) {
    // Java 17 has no pattern switch; the sealed hierarchy keeps this ladder closed.
    if (v instanceof XString s) {
      tagged(out, STRING_OPEN, s.value(), STRING_CLOSE);
    } else if (v instanceof XStruct s) {
      struct(s, out, undefinedAsEmpty);
    } else if (v instanceof XInt i) {
      tagged(out, INT_OPEN, i.text(), INT_CLOSE);
    } else if (v instanceof XArray a) {
      out.appendBytes(ARRAY_OPEN);
      for (XmlRpcValue item : a.items()) {
        write(item, out, undefinedAsEmpty);
      }
      out.appendBytes(ARRAY_CLOSE);
    } else if (v instanceof XI8 l) {
      tagged(out, I8_OPEN, l.text(), I8_CLOSE);
    } else if (v instanceof XBoolean b) {
      out.appendBytes(b.value() ? TRUE : FALSE);
    } else if (v instanceof XDouble d) {
      tagged(out, DOUBLE_OPEN, d.text(), DOUBLE_CLOSE);
    } else if (v instanceof XDateTime t) {
      out.appendBytes(DATETIME_OPEN);
      Iso8601.write(t.value(), out);
      out.appendBytes(DATETIME_CLOSE);
    } else if (v instanceof XBase64 b) {
      out.appendBytes(BASE64_OPEN);
      Base64Text.encode(b.value(), out);
      out.appendBytes(BASE64_CLOSE);
    } else if (v instanceof XNil) {
      out.appendBytes(undefinedAsEmpty ? EMPTY : NIL);
    } else {
      throw new IllegalArgumentException("unknown value " + v);
    }
  }

  static void struct(XStruct s, Buffer out, boolean undefinedAsEmpty) {
    out.appendBytes(STRUCT_OPEN);
    for (Map.Entry<String, XmlRpcValue> m : s.members().entrySet()) {
      member(out, m.getKey());
      write(m.getValue(), out, undefinedAsEmpty);
      out.appendBytes(MEMBER_CLOSE);
    }
    out.appendBytes(STRUCT_CLOSE);
  }

  /** Opens a member and writes its name; the caller writes the value and {@link #closeMember}. */
  static void member(Buffer out, String name) {
    out.appendBytes(MEMBER_OPEN);
    XmlEscaper.append(out, name);
    out.appendBytes(NAME_CLOSE);
  }

  static void closeMember(Buffer out) {
    out.appendBytes(MEMBER_CLOSE);
  }

  static void openStruct(Buffer out) {
    out.appendBytes(STRUCT_OPEN);
  }

  static void closeStruct(Buffer out) {
    out.appendBytes(STRUCT_CLOSE);
  }

  static void writeInt(int value, Buffer out) {
    out.appendBytes(INT_OPEN);
    XmlEscaper.appendInt(out, value);
    out.appendBytes(INT_CLOSE);
  }

  static void writeString(String value, Buffer out) {
    tagged(out, STRING_OPEN, value, STRING_CLOSE);
  }

  private static void tagged(Buffer out, byte[] open, String text, byte[] close) {
    out.appendBytes(open);
    XmlEscaper.append(out, text);
    out.appendBytes(close);
  }
}
