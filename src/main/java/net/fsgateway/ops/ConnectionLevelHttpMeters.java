package net.fsgateway.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.MicrometerMetricsFactory;

/**
 * Vert.x's Micrometer metrics with the HTTP servers measured per connection only: active connections and bytes
 * read and written, not Vert.x's per-request meters (request count, response time, request and response sizes,
 * active requests). Those build tags and look five meters up in the registry on every request: 2.3 µs of CPU per
 * check_username call, most of what metrics cost (issue 12, README "Metrics"); {@code fsgw_calls_seconds} counts
 * and times each call instead.
 */
final class ConnectionLevelHttpMeters extends MicrometerMetricsFactory {

  ConnectionLevelHttpMeters(MeterRegistry registry) {
    super(registry);
  }

  @Override
  public VertxMetrics metrics(VertxOptions options) {
    return new Metrics(super.metrics(options));
  }

  private static <S> HttpServerMetrics<Void, Void, S> connectionsOnly(HttpServerMetrics<?, ?, S> meters) {
    return meters == null ? null : new Connections<>(meters);
  }

  /** The HTTP server's socket-level calls go to Vert.x's meters; the request-level ones stay no-ops. */
  private record Connections<S>(HttpServerMetrics<?, ?, S> meters) implements HttpServerMetrics<Void, Void, S> {
    @Override
    public S connected(SocketAddress remoteAddress, String remoteName) {
      return meters.connected(remoteAddress, remoteName);
    }

    @Override
    public void disconnected(S socket, SocketAddress remoteAddress) {
      meters.disconnected(socket, remoteAddress);
    }

    @Override
    public void bytesRead(S socket, SocketAddress remoteAddress, long numberOfBytes) {
      meters.bytesRead(socket, remoteAddress, numberOfBytes);
    }

    @Override
    public void bytesWritten(S socket, SocketAddress remoteAddress, long numberOfBytes) {
      meters.bytesWritten(socket, remoteAddress, numberOfBytes);
    }

    @Override
    public void exceptionOccurred(S socket, SocketAddress remoteAddress, Throwable t) {
      meters.exceptionOccurred(socket, remoteAddress, t);
    }

    @Override
    public void close() {
      meters.close();
    }
  }

  /** Everything as Vert.x's Micrometer metrics measure it, but the HTTP servers. */
  private record Metrics(VertxMetrics vertx) implements VertxMetrics {
    @Override
    public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions options, SocketAddress localAddress) {
      return connectionsOnly(vertx.createHttpServerMetrics(options, localAddress));
    }

    @Override
    public EventBusMetrics<?> createEventBusMetrics() {
      return vertx.createEventBusMetrics();
    }

    @Override
    public ClientMetrics<?, ?, ?> createClientMetrics(SocketAddress remoteAddress, String type, String namespace) {
      return vertx.createClientMetrics(remoteAddress, type, namespace);
    }

    @Override
    public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(HttpClientOptions options) {
      return vertx.createHttpClientMetrics(options);
    }

    @Override
    public TCPMetrics<?> createNetServerMetrics(NetServerOptions options, SocketAddress localAddress) {
      return vertx.createNetServerMetrics(options, localAddress);
    }

    @Override
    public TCPMetrics<?> createNetClientMetrics(NetClientOptions options) {
      return vertx.createNetClientMetrics(options);
    }

    @Override
    public DatagramSocketMetrics createDatagramSocketMetrics(DatagramSocketOptions options) {
      return vertx.createDatagramSocketMetrics(options);
    }

    @Override
    public PoolMetrics<?, ?> createPoolMetrics(String poolType, String poolName, int maxPoolSize) {
      return vertx.createPoolMetrics(poolType, poolName, maxPoolSize);
    }

    @Override
    public void vertxCreated(io.vertx.core.Vertx created) {
      vertx.vertxCreated(created);
    }

    @Override
    public boolean isMetricsEnabled() {
      return vertx.isMetricsEnabled();
    }

    @Override
    public void close() {
      vertx.close();
    }
  }
}
