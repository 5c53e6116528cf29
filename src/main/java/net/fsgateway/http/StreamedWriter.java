package net.fsgateway.http;

import io.vertx.core.http.HttpServerResponse;
import net.fsgateway.codec.XmlRpcResponseWriter;
import net.fsgateway.xmlrpc.ItemStream;
import net.fsgateway.xmlrpc.MethodResponse.Streamed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Streamed} answer as its items arrive, in chunked encoding (its length is not known up front):
 * the head, each item as soon as it is read, the tail. Memory stays bounded by the response's write queue: when
 * it is full the items are paused until it drains. A client that goes away cancels the items (the database
 * cursor is released); a failure after the head is sent resets the connection, so the client sees a broken
 * answer rather than one that looks complete.
 */
final class StreamedWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StreamedWriter.class);

  private StreamedWriter() {
  }

  static void write(HttpServerResponse response, Streamed answer, boolean undefinedAsEmpty) {
    ItemStream items = answer.items();
    response.setChunked(true);
    response.closeHandler(ignored -> items.cancel());
    response.write(XmlRpcResponseWriter.streamOpen(answer, undefinedAsEmpty));
    items.start(item -> {
      response.write(XmlRpcResponseWriter.item(answer.typing().apply(item), undefinedAsEmpty));
      if (response.writeQueueFull()) {
        items.pause();
        response.drainHandler(drained -> items.resume());
      }
    }, failure -> {
      LOG.warn("streamed answer failed after its head was sent; connection reset: {}", failure.toString());
      response.reset();
    }, () -> response.end(XmlRpcResponseWriter.streamClose()));
  }
}
