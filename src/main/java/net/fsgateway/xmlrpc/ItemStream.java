package net.fsgateway.xmlrpc;

import io.vertx.core.streams.ReadStream;

/**
 * The array items of a {@link MethodResponse.Streamed} answer as they arrive, with backpressure (pause, resume).
 * Whoever takes the answer must either read the items to their end or {@link #cancel} them.
 */
public interface ItemStream extends ReadStream<XmlRpcValue> {
  /** Stops the items and releases what feeds them (a database cursor); safe more than once and from any thread. */
  void cancel();
}
