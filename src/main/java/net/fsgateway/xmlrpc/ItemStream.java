package net.fsgateway.xmlrpc;

import java.util.function.Consumer;

/**
 * The array items of a {@link MethodResponse.Streamed} answer, delivered as they arrive, with backpressure. Whoever
 * takes the answer must either {@link #start} it and read to its end or {@link #cancel} it. Plain Java, so the
 * model stays free of any I/O library; the implementations live where the items come from.
 */
public interface ItemStream {
  /**
   * Starts delivery: each item to {@code item}, then exactly one of {@code ended} or {@code failed}. Called once.
   */
  void start(Consumer<XmlRpcValue> item, Consumer<Throwable> failed, Runnable ended);

  /** Stops delivering items until {@link #resume}. */
  void pause();

  void resume();

  /** Stops the items and releases what feeds them (a database cursor); safe more than once and from any thread. */
  void cancel();
}
