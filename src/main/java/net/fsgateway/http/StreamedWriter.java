package net.fsgateway.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
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
 * answer rather than one that looks complete. A client that accepts gzip or deflate gets the answer compressed,
 * flushed after each piece so it can decode the customers it has ({@link AnswerCompression}).
 */
final class StreamedWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StreamedWriter.class);

  private StreamedWriter() {
  }

  /** {@code coding}: how to compress the answer, null for not at all. */
  static void write(HttpServerRequest request, Streamed answer, boolean undefinedAsEmpty,
                    AnswerCompression.Coding coding) {
    HttpServerResponse response = request.response();
    ItemStream items = answer.items();
    AnswerCompression.Stream zip = coding == null ? null : new AnswerCompression.Stream(coding);
    response.setChunked(true);
    response.closeHandler(ignored -> {
      items.cancel();
      if (zip != null) {
        zip.release();
      }
    });
    Buffer head = XmlRpcResponseWriter.streamOpen(answer, undefinedAsEmpty);
    if (zip != null) {
      AnswerCompression.markEncoded(response.headers(), coding);
      head = zip.start().appendBuffer(zip.next(head));
    }
    response.write(head);
    items.start(item -> {
      Buffer piece = XmlRpcResponseWriter.item(answer.typing().apply(item), undefinedAsEmpty);
      response.write(zip == null ? piece : zip.next(piece));
      if (response.writeQueueFull()) {
        items.pause();
        response.drainHandler(drained -> items.resume());
      }
    }, failure -> {
      LOG.warn("streamed answer failed after its head was sent; connection reset: {}", failure.toString());
      if (zip != null) {
        zip.release();
      }
      abort(request);
    }, () -> {
      Buffer tail = XmlRpcResponseWriter.streamClose();
      response.end(zip == null ? tail : zip.last(tail));
    });
  }

  /**
   * HTTP/1.x: drops the connection at once with a TCP reset. Not {@code response.reset()}, which Vert.x 5 turns
   * into a graceful close that waits for the response in progress to end: a failed stream never ends, so the
   * client held a half answer until the idle timeout (30 s). HTTP/2: the stream's reset, which is immediate.
   */
  private static void abort(HttpServerRequest request) {
    if (request.version() != HttpVersion.HTTP_2 && request.connection() instanceof ConnectionBase base) {
      Channel channel = base.channel();
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
      channel.close();
    } else {
      request.response().reset();
    }
  }
}
