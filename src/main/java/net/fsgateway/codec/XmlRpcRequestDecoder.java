package net.fsgateway.codec;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * Decodes one {@code <methodCall>} from body chunks as they arrive, without buffering the body: feed each chunk,
 * then call {@link #end()}. One instance per request, not thread-safe. After the first {@link ProtocolException}
 * the decoder is dead and rethrows it; the caller answers with {@link ProtocolException#toFault()} (or 413 for a
 * {@link BodyTooLargeException}) and stops reading.
 *
 * <p>Codes: malformed XML, invalid UTF-8, a DOCTYPE or an entity reference: -32700. An encoding other than
 * UTF-8, US-ASCII or ISO-8859-1: -32701. Wrong structure or a limit crossed: -32600. A typed scalar whose text is
 * not of its type: -32602. {@code <params>} may be omitted (no params).
 */
public final class XmlRpcRequestDecoder {
  private final CodecLimits limits;
  private final ValueBuilder values;
  private final XmlPump pump;
  private final StringBuilder nameText = new StringBuilder(48);
  private final ArrayList<XmlRpcValue> params = new ArrayList<>(2);
  private final int[] open = new int[5];
  private int depth;
  private String methodName;
  private boolean seenParams;
  private int paramCount;
  private boolean paramHasValue;
  private ProtocolException failure;

  public XmlRpcRequestDecoder() {
    this(CodecLimits.DEFAULTS);
  }

  public XmlRpcRequestDecoder(CodecLimits limits) {
    this.limits = limits;
    this.values = new ValueBuilder(limits);
    this.pump = new XmlPump(limits.maxBodyBytes(), new Envelope());
  }

  /** Decodes a whole body at once. */
  public static MethodCall decode(Buffer body, CodecLimits limits) throws ProtocolException {
    XmlRpcRequestDecoder decoder = new XmlRpcRequestDecoder(limits);
    decoder.feed(body);
    return decoder.end();
  }

  public void feed(Buffer chunk) throws ProtocolException {
    feed(chunk.getBytes(), 0, chunk.length());
  }

  public void feed(byte[] chunk, int offset, int length) throws ProtocolException {
    if (failure != null) {
      throw failure;
    }
    try {
      pump.feed(chunk, offset, length);
    } catch (ProtocolException e) {
      throw failure = e;
    }
  }

  /** Ends the body and returns the call. */
  public MethodCall end() throws ProtocolException {
    if (failure != null) {
      throw failure;
    }
    try {
      pump.end();
    } catch (ProtocolException e) {
      throw failure = e;
    }
    return new MethodCall(methodName, params);
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
        if (tag != Tags.METHOD_CALL) {
          throw Faults.unexpected(localName, Tags.UNKNOWN);
        }
        open[d] = tag;
      } else if (parent == Tags.METHOD_CALL && tag == Tags.METHOD_NAME && methodName == null) {
        open[d] = tag;
      } else if (parent == Tags.METHOD_CALL && tag == Tags.PARAMS && !seenParams) {
        seenParams = true;
        open[d] = tag;
      } else if (parent == Tags.PARAMS && tag == Tags.PARAM) {
        if (++paramCount > limits.maxParams()) {
          throw Faults.invalid("more than " + limits.maxParams() + " params");
        }
        paramHasValue = false;
        open[d] = tag;
      } else if (parent == Tags.PARAM && tag == Tags.VALUE && !paramHasValue) {
        values.beginValue();
      } else if (tag == Tags.METHOD_NAME || tag == Tags.PARAMS || tag == Tags.VALUE) {
        throw Faults.invalid("more than one <" + localName + "> in <" + Tags.name(parent) + ">");
      } else {
        throw Faults.unexpected(localName, parent);
      }
    }

    @Override
    public void text(char[] chars, int start, int length) throws ProtocolException {
      if (values.active()) {
        values.text(chars, start, length);
      } else if (open[depth] == Tags.METHOD_NAME) {
        if (nameText.length() + length > limits.maxMethodNameChars()) {
          throw Faults.invalid("method name longer than " + limits.maxMethodNameChars() + " characters");
        }
        nameText.append(chars, start, length);
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
          params.add(v);
          paramHasValue = true;
        }
        return;
      }
      int tag = open[d];
      open[d] = Tags.UNKNOWN;
      if (tag == Tags.METHOD_NAME) {
        methodName = ScalarText.trim(nameText);
        if (methodName.isEmpty()) {
          throw Faults.invalid("empty <methodName>");
        }
      } else if (tag == Tags.PARAM && !paramHasValue) {
        throw Faults.invalid("<param> without <value>");
      } else if (tag == Tags.METHOD_CALL && methodName == null) {
        throw new ProtocolException(FaultCode.INVALID_REQUEST, "<methodCall> without <methodName>");
      }
    }
  }
}
