package net.fsgateway.codec;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import net.fsgateway.xmlrpc.MethodCall;

/** Feeds a body to a fresh decoder in chunks of a given size (0 = whole body). */
final class Chunked {
  static final int WHOLE = 0;

  private Chunked() {
  }

  static IntStream sizes() {
    return IntStream.of(1, 2, 3, 7, 64, WHOLE);
  }

  static MethodCall decode(byte[] body, int chunk, CodecLimits limits) throws ProtocolException {
    XmlRpcRequestDecoder decoder = new XmlRpcRequestDecoder(limits);
    int step = chunk == WHOLE ? Math.max(1, body.length) : chunk;
    for (int i = 0; i < body.length; i += step) {
      // A fresh Buffer per chunk, as Vert.x delivers them.
      decoder.feed(Buffer.buffer(java.util.Arrays.copyOfRange(body, i, Math.min(body.length, i + step))));
    }
    return decoder.end();
  }

  static MethodCall decode(String xml, int chunk) throws ProtocolException {
    return decode(xml.getBytes(StandardCharsets.UTF_8), chunk, CodecLimits.DEFAULTS);
  }

  static MethodCall decode(String xml) throws ProtocolException {
    return decode(xml, WHOLE);
  }

  /** A call with one param holding the given value XML. */
  static String call(String valueXml) {
    return "<?xml version=\"1.0\"?><methodCall><methodName>m</methodName><params><param>" + valueXml
        + "</param></params></methodCall>";
  }
}
