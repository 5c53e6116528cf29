package net.fsgateway.codec;

import static net.fsgateway.codec.XmlEscaper.ascii;

import io.vertx.core.buffer.Buffer;
import net.fsgateway.xmlrpc.MethodResponse;

/**
 * Writes a {@code <methodResponse>} as UTF-8 straight into a {@link Buffer}: a success with one param, or a fault
 * struct ({@code faultCode} int, {@code faultString} string). Strings are always typed {@code <string>}; dates are
 * written {@code yyyyMMdd'T'HH:mm:ss}. Text is escaped and chars XML 1.0 cannot carry are replaced by U+FFFD (see
 * {@link XmlEscaper}).
 */
public final class XmlRpcResponseWriter {
  private static final byte[] SUCCESS_OPEN =
      ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodResponse><params><param>");
  private static final byte[] SUCCESS_CLOSE = ascii("</param></params></methodResponse>");
  private static final byte[] FAULT_OPEN = ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodResponse><fault>");
  private static final byte[] FAULT_CLOSE = ascii("</fault></methodResponse>");

  private XmlRpcResponseWriter() {
  }

  /** A new buffer holding the whole response. */
  public static Buffer write(MethodResponse response) {
    return write(response, false);
  }

  /** As {@link #write(MethodResponse)}; {@code undefinedAsEmpty} writes nil as Freeside's empty {@code <value/>}. */
  public static Buffer write(MethodResponse response, boolean undefinedAsEmpty) {
    Buffer out = Buffer.buffer(512);
    writeTo(response, out, undefinedAsEmpty);
    return out;
  }

  /** Appends the whole response to {@code out}. */
  public static void writeTo(MethodResponse response, Buffer out, boolean undefinedAsEmpty) {
    if (response instanceof MethodResponse.Success s) {
      out.appendBytes(SUCCESS_OPEN);
      ValueWriter.write(s.value(), out, undefinedAsEmpty);
      out.appendBytes(SUCCESS_CLOSE);
    } else {
      MethodResponse.Fault f = (MethodResponse.Fault) response;
      out.appendBytes(FAULT_OPEN);
      ValueWriter.openStruct(out);
      ValueWriter.member(out, "faultCode");
      ValueWriter.writeInt(f.code(), out);
      ValueWriter.closeMember(out);
      ValueWriter.member(out, "faultString");
      ValueWriter.writeString(f.message(), out);
      ValueWriter.closeMember(out);
      ValueWriter.closeStruct(out);
      out.appendBytes(FAULT_CLOSE);
    }
  }
}
