package net.fsgateway.infra;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.impl.SocketConnectionBase;
import io.vertx.sqlclient.internal.SqlConnectionInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the statements that calls write to one pipelined PostgreSQL connection during one event-loop turn in one
 * socket write. The client flushes each statement as it is issued: at 64 connections every check_username was a
 * {@code write(2)} of its own and, as often as not, a wake-up of the server process that reads it (the largest
 * single cost in the gateway's profile). Netty's {@link FlushConsolidationHandler} holds the flushes of a turn back
 * until the turn's other work has run (or the connection's read is complete), then flushes once; a statement
 * issued alone waits only for the rest of that turn.
 *
 * <p>Installed by the pool's connect handler, which reaches the connection's channel through the client's
 * internal classes; if they are not what this expects, the connection is left as it is (and that is logged once).
 */
final class FlushBatching {
  private static final Logger LOG = LoggerFactory.getLogger(FlushBatching.class);
  /** Flush anyway after this many statements in one turn, so a long turn does not hold a large buffer. */
  private static final int FLUSH_AFTER = 64;
  private static volatile boolean warned;

  private FlushBatching() {
  }

  /** The pool's connect handler: installs the batching and hands the connection to the pool. */
  static void install(SqlConnection connection) {
    try {
      ChannelPipeline pipeline = pipelineOf(connection);
      if (pipeline != null) {
        pipeline.addFirst("fsgw-flush-batching", new FlushConsolidationHandler(FLUSH_AFTER, true));
      } else {
        warnOnce("not a socket connection: " + connection.getClass().getName());
      }
    } catch (RuntimeException e) {
      warnOnce(e.toString());
    } finally {
      connection.close(); // gives the connection to the pool
    }
  }

  /** The Netty pipeline of a pooled connection's socket, or null if the client's classes are not as expected. */
  static ChannelPipeline pipelineOf(SqlConnection connection) {
    if (connection instanceof SqlConnectionInternal internal
        && internal.unwrap().unwrap() instanceof SocketConnectionBase socket) {
      return socket.socket().channelHandlerContext().pipeline();
    }
    return null;
  }

  private static void warnOnce(String why) {
    if (!warned) {
      warned = true;
      LOG.warn("PostgreSQL statements are flushed one by one ({})", why);
    }
  }
}
