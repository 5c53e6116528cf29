package net.fsgateway.codec;

import io.vertx.core.buffer.Buffer;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XInt;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * Decodes one {@code <methodResponse>} (one param, or a fault struct with {@code faultCode} and
 * {@code faultString}) with the same parser, state machine and limits as {@link XmlRpcRequestDecoder}. For the
 * load driver and tests; the gateway itself only decodes requests.
 */
public final class XmlRpcResponseDecoder {
  private final ValueBuilder values;
  private final XmlPump pump;
  private final int[] open = new int[5];
  private int depth;
  private boolean seenBody;
  private XmlRpcValue value;
  private MethodResponse result;

  public XmlRpcResponseDecoder() {
    this(CodecLimits.DEFAULTS);
  }

  public XmlRpcResponseDecoder(CodecLimits limits) {
    this.values = new ValueBuilder(limits);
    this.pump = new XmlPump(limits.maxBodyBytes(), new Envelope());
  }

  /** Decodes a whole response body. */
  public static MethodResponse decode(Buffer body) throws ProtocolException {
    return decode(body, CodecLimits.DEFAULTS);
  }

  public static MethodResponse decode(Buffer body, CodecLimits limits) throws ProtocolException {
    XmlRpcResponseDecoder decoder = new XmlRpcResponseDecoder(limits);
    decoder.feed(body);
    return decoder.end();
  }

  public void feed(Buffer chunk) throws ProtocolException {
    byte[] bytes = chunk.getBytes();
    pump.feed(bytes, 0, bytes.length);
  }

  public MethodResponse end() throws ProtocolException {
    pump.end();
    return result;
  }

  private static MethodResponse fault(XmlRpcValue v) throws ProtocolException {
    if (v instanceof XStruct s && s.get("faultCode") instanceof XInt code && s.get("faultString") != null) {
      try {
        return new MethodResponse.Fault(code.intValue(), Scalars.text(s.get("faultString")).orElse(""));
      } catch (NumberFormatException e) {
        throw Faults.invalid("faultCode out of range");
      }
    }
    throw Faults.invalid("<fault> must hold a struct with faultCode and faultString");
  }

  private final class Envelope implements XmlPump.Handler {
    @Override
    public void start(String localName, int d) throws ProtocolException {
      depth = d;
      if (values.active()) {
        values.start(localName);
        return;
      }
      int tag = Tags.of(localName);
      int parent = open[d - 1];
      if (d == 1) {
        if (tag != Tags.METHOD_RESPONSE) {
          throw Faults.unexpected(localName, Tags.UNKNOWN);
        }
      } else if (parent == Tags.METHOD_RESPONSE && (tag == Tags.PARAMS || tag == Tags.FAULT)) {
        if (seenBody) {
          throw Faults.invalid("<methodResponse> must hold one <params> or one <fault>");
        }
        seenBody = true;
      } else if (parent == Tags.PARAMS && tag == Tags.PARAM && value == null) {
        // One param only: a second one is refused below as unexpected.
      } else if ((parent == Tags.PARAM || parent == Tags.FAULT) && tag == Tags.VALUE && value == null) {
        values.beginValue();
        return;
      } else {
        throw Faults.unexpected(localName, parent);
      }
      open[d] = tag;
    }

    @Override
    public void text(char[] chars, int start, int length) throws ProtocolException {
      if (values.active()) {
        values.text(chars, start, length);
      } else {
        Faults.requireBlank(chars, start, length, open[depth]);
      }
    }

    @Override
    public void end(int d) throws ProtocolException {
      depth = d - 1;
      if (values.active()) {
        XmlRpcValue v = values.end();
        if (v != null) {
          value = v;
        }
        return;
      }
      int tag = open[d];
      open[d] = Tags.UNKNOWN;
      if ((tag == Tags.PARAM || tag == Tags.FAULT) && value == null) {
        throw Faults.invalid("<" + Tags.name(tag) + "> without <value>");
      } else if (tag == Tags.PARAM) {
        result = MethodResponse.success(value);
      } else if (tag == Tags.FAULT) {
        result = fault(value);
      } else if (tag == Tags.METHOD_RESPONSE && result == null) {
        throw Faults.invalid("<methodResponse> without a value");
      }
    }
  }
}
