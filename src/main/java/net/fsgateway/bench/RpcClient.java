package net.fsgateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import net.fsgateway.codec.ProtocolException;
import net.fsgateway.codec.XmlRpcResponseDecoder;
import net.fsgateway.xmlrpc.MethodResponse;

/**
 * Sends encoded XML-RPC calls over keep-alive HTTP/1.1 to the local target and decodes the answers with the
 * gateway's own response decoder. Not thread-safe beyond what Vert.x gives: use it from the driver's context.
 */
public final class RpcClient {
  private final HttpClientAgent http;
  private final RequestOptions template;

  public RpcClient(Vertx vertx, LocalTarget target, int connections, Duration timeout) {
    // Wait queue unbounded: in an open-loop run the queue in front of the pool is part of the measured latency.
    this.http = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setPipelining(false).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    // Shared, never mutated after this: the client copies what it needs per request.
    this.template = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setHost(target.host())
        .setPort(target.port())
        .setURI(target.path())
        .setTimeout(timeout.toMillis())
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/xml");
  }

  /** The decoded answer; fails on a transport error, a non-200 status or an undecodable body. */
  public Future<MethodResponse> send(Buffer body) {
    return http.request(template)
        .compose(req -> req.send(body))
        .compose(resp -> resp.statusCode() == 200
            ? resp.body()
            : Future.failedFuture("HTTP " + resp.statusCode() + " " + resp.statusMessage()))
        .map(RpcClient::decode);
  }

  public Future<Void> close() {
    return http.close();
  }

  private static MethodResponse decode(Buffer body) {
    try {
      return XmlRpcResponseDecoder.decode(body);
    } catch (ProtocolException e) {
      throw new IllegalStateException("undecodable answer: " + e.getMessage(), e);
    }
  }
}
