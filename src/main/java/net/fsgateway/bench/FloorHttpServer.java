package net.fsgateway.bench;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import net.fsgateway.codec.XmlRpcResponseWriter;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XStruct;

/**
 * The HTTP floor: answers every POST with one canned success struct (error '', a session_id, available 1) and
 * parses nothing. What the driver measures against it is the ceiling that HTTP, the driver and the machine allow.
 */
public final class FloorHttpServer extends VerticleBase {
  static final Buffer CANNED = XmlRpcResponseWriter.write(MethodResponse.success(XStruct.builder()
      .put("error", "").put("session_id", "floor").put("available", 1).build()));
  private static final CharSequence TEXT_XML = HttpHeaders.createOptimized("text/xml");
  private static final CharSequence LENGTH = HttpHeaders.createOptimized(String.valueOf(CANNED.length()));

  private final int port;
  private HttpServer server;

  public FloorHttpServer(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer().requestHandler(FloorHttpServer::answer);
    return server.listen(port, "127.0.0.1");
  }

  @Override
  public Future<?> stop() {
    return server.close();
  }

  /** The port it listens on (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private static void answer(HttpServerRequest req) {
    // Reply once the body has been read (discarded), as the gateway does, so keep-alive stays in step.
    req.handler(chunk -> { });
    req.endHandler(v -> {
      MultiMap headers = req.response().headers();
      headers.add(HttpHeaders.CONTENT_TYPE, TEXT_XML).add(HttpHeaders.CONTENT_LENGTH, LENGTH);
      req.response().end(CANNED);
    });
  }
}
