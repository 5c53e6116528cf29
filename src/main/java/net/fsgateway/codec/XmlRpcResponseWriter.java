package net.fsgateway.codec;

import static net.fsgateway.codec.XmlEscaper.ascii;

import io.vertx.core.buffer.Buffer;
import java.util.Map;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XmlRpcValue;

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

  private static final byte[] STREAM_ITEMS_OPEN = ascii("<value><array><data>");
  private static final byte[] STREAM_CLOSE =
      ascii("</data></array></value></member></struct></value></param></params></methodResponse>");

  private XmlRpcResponseWriter() {
  }

  /**
   * The start of a streamed answer ({@link MethodResponse.Streamed}): the document up to the opening of the
   * streamed array, after the head's members. Then come {@link #item}s, then {@link #streamClose}.
   */
  public static Buffer streamOpen(MethodResponse.Streamed answer, boolean undefinedAsEmpty) {
    Buffer out = Buffer.buffer(512);
    out.appendBytes(SUCCESS_OPEN);
    ValueWriter.openStruct(out);
    for (Map.Entry<String, XmlRpcValue> m : answer.head().members().entrySet()) {
      ValueWriter.member(out, m.getKey());
      ValueWriter.write(m.getValue(), out, undefinedAsEmpty);
      ValueWriter.closeMember(out);
    }
    ValueWriter.member(out, answer.member());
    out.appendBytes(STREAM_ITEMS_OPEN);
    return out;
  }

  /** One item of a streamed array. */
  public static Buffer item(XmlRpcValue item, boolean undefinedAsEmpty) {
    Buffer out = Buffer.buffer(1024);
    ValueWriter.write(item, out, undefinedAsEmpty);
    return out;
  }

  /** The end of a streamed answer. */
  public static Buffer streamClose() {
    return Buffer.buffer(STREAM_CLOSE);
  }

  /** A new buffer holding the whole response. */
  public static Buffer write(MethodResponse response) {
    return write(response, false);
  }

  /** As {@link #write(MethodResponse)}; {@code undefinedAsEmpty} writes nil as Freeside's empty {@code <value/>}. */
  public static Buffer write(MethodResponse response, boolean undefinedAsEmpty) {
    return write(response, undefinedAsEmpty, 512);
  }

  /**
   * As {@link #write(MethodResponse, boolean)}, into a buffer that starts with room for {@code expectedBytes}: a
   * large answer written into a small buffer is copied at every doubling on its way up.
   */
  public static Buffer write(MethodResponse response, boolean undefinedAsEmpty, int expectedBytes) {
    Buffer out = Buffer.buffer(expectedBytes);
    writeTo(response, out, undefinedAsEmpty);
    return out;
  }

  /** Appends the whole response to {@code out}. */
  public static void writeTo(MethodResponse response, Buffer out, boolean undefinedAsEmpty) {
    if (response instanceof MethodResponse.Streamed) {
      throw new IllegalArgumentException("a streamed answer is written by streamOpen, item and streamClose");
    }
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
