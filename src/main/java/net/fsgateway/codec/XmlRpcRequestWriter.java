package net.fsgateway.codec;

import static net.fsgateway.codec.XmlEscaper.ascii;

import io.vertx.core.buffer.Buffer;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * Writes a {@code <methodCall>} as UTF-8 into a {@link Buffer}, with the same rules as
 * {@link XmlRpcResponseWriter}. For tests, benchmarks and the load driver.
 */
public final class XmlRpcRequestWriter {
  private static final byte[] CALL_OPEN = ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodCall><methodName>");
  private static final byte[] PARAMS_OPEN = ascii("</methodName><params>");
  private static final byte[] PARAM_OPEN = ascii("<param>");
  private static final byte[] PARAM_CLOSE = ascii("</param>");
  private static final byte[] CALL_CLOSE = ascii("</params></methodCall>");

  private XmlRpcRequestWriter() {
  }

  public static Buffer write(MethodCall call) {
    Buffer out = Buffer.buffer(512);
    writeTo(call, out);
    return out;
  }

  public static void writeTo(MethodCall call, Buffer out) {
    out.appendBytes(CALL_OPEN);
    XmlEscaper.append(out, call.methodName());
    out.appendBytes(PARAMS_OPEN);
    for (XmlRpcValue param : call.params()) {
      out.appendBytes(PARAM_OPEN);
      ValueWriter.write(param, out);
      out.appendBytes(PARAM_CLOSE);
    }
    out.appendBytes(CALL_CLOSE);
  }
}
