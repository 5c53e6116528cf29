package net.fsgateway.codec;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import net.fsgateway.xmlrpc.FaultCode;

/**
 * Feeds body chunks to Aalto's non-blocking reader and drains its events into a {@link Handler} until it needs
 * more input (the Vert.x {@code JsonParserImpl} and Spring {@code XmlEventDecoder} pattern). Counts bytes first,
 * so an oversized body is refused at the first byte over the limit without being parsed.
 *
 * <p>Encodings: Aalto's async reader decodes UTF-8, US-ASCII and ISO-8859-1 (PHP declares {@code iso-8859-1}), so
 * real Latin-1 bytes are transcoded correctly. Any other declared encoding is refused with -32701.
 */
final class XmlPump {
  /** Element and text events, with the element depth (the root is 1). */
  interface Handler {
    void start(String localName, int depth) throws ProtocolException;

    void text(char[] chars, int start, int length) throws ProtocolException;

    void end(int depth) throws ProtocolException;
  }

  private static final AsyncXMLInputFactory FACTORY = defensiveFactory();

  private final AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = FACTORY.createAsyncForByteArray();
  private final long maxBytes;
  private final Handler handler;
  private long bytes;
  private int depth;
  private boolean ended;

  XmlPump(long maxBytes, Handler handler) {
    this.maxBytes = maxBytes;
    this.handler = handler;
  }

  private static AsyncXMLInputFactory defensiveFactory() {
    AsyncXMLInputFactory f = new InputFactoryImpl();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    return f;
  }

  void feed(byte[] chunk, int offset, int length) throws ProtocolException {
    if (length > maxBytes - bytes) {
      throw new BodyTooLargeException(maxBytes);
    }
    bytes += length;
    try {
      reader.getInputFeeder().feedInput(chunk, offset, length);
    } catch (XMLStreamException e) {
      throw translate(e);
    }
    drain();
  }

  void end() throws ProtocolException {
    if (bytes == 0) {
      throw Faults.parse("empty request body");
    }
    reader.getInputFeeder().endOfInput();
    try {
      drain();
    } finally {
      release();
    }
    if (!ended) {
      throw Faults.parse("unexpected end of document");
    }
  }

  /**
   * Hands the reader's text and name buffers back to Aalto's per-thread recycler, so the next request's reader on
   * this event loop reuses them instead of allocating its own (about 1 KB a call). Only at the end: a body that
   * fails earlier, or whose client goes away, just leaves its buffers to the garbage collector.
   */
  private void release() {
    try {
      reader.close();
    } catch (XMLStreamException ignored) {
      // closing a reader with no source of its own only recycles buffers: nothing to report
    }
  }

  private void drain() throws ProtocolException {
    try {
      int event;
      while (!ended && (event = reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
        switch (event) {
          case XMLStreamConstants.START_ELEMENT:
            handler.start(reader.getLocalName(), ++depth);
            break;
          case XMLStreamConstants.END_ELEMENT:
            handler.end(depth--);
            break;
          case XMLStreamConstants.CHARACTERS:
          case XMLStreamConstants.CDATA:
          case XMLStreamConstants.SPACE:
            handler.text(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            break;
          case XMLStreamConstants.DTD:
            throw Faults.parse("DOCTYPE is not allowed");
          case XMLStreamConstants.ENTITY_REFERENCE:
            throw Faults.parse("entity references are not allowed");
          case XMLStreamConstants.END_DOCUMENT:
            ended = true;
            break;
          default:
            // XML declaration, comments and processing instructions carry nothing for XML-RPC.
        }
      }
    } catch (XMLStreamException e) {
      throw translate(e);
    } catch (UncheckedStreamException e) {
      // Aalto reports invalid UTF-8 bytes this way.
      throw translate(e.getCause() instanceof XMLStreamException x ? x : null);
    }
  }

  /** A short, client-safe message: never the parser's own text, which may quote the input back. */
  private static ProtocolException translate(XMLStreamException e) {
    String message = e == null ? null : e.getMessage();
    if (message != null && message.startsWith("Unsupported encoding")) {
      return new ProtocolException(FaultCode.UNSUPPORTED_ENCODING, "unsupported encoding: send UTF-8");
    }
    Location at = e == null ? null : e.getLocation();
    return at == null
        ? Faults.parse("malformed XML")
        : Faults.parse("malformed XML at line " + at.getLineNumber() + ", column " + at.getColumnNumber());
  }
}
