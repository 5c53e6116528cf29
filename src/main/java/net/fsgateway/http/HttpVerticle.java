package net.fsgateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.HttpConfig;
import net.fsgateway.dispatch.Dispatcher;
import net.fsgateway.dispatch.MethodRegistry;

/**
 * The XML-RPC listener, one instance per event loop. {@code POST} on {@code /}, {@code /RPC2} and Freeside's
 * {@code /selfservice/xmlrpc.cgi}; any other verb there gets 405 from the router.
 */
public final class HttpVerticle extends VerticleBase {
  static final int COMPRESSION_THRESHOLD_BYTES = 1024;
  static final String[] XMLRPC_PATHS = {"/", "/RPC2", "/selfservice/xmlrpc.cgi"};

  private final GatewayConfig config;
  private HttpServer server;
  private int openConnections;

  public HttpVerticle(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    Dispatcher dispatcher = new Dispatcher(vertx, MethodRegistry.reseller(), config.limits());
    XmlRpcEndpoint endpoint = new XmlRpcEndpoint(vertx, dispatcher, config.limits(),
        config.http().requestTimeoutSeconds() * 1000L);
    Router router = Router.router(vertx);
    for (String path : XMLRPC_PATHS) {
      router.route(HttpMethod.POST, path).handler(ctx -> endpoint.handle(ctx.request()));
    }
    HealthRoutes.mount(router);
    server = vertx.createHttpServer(serverOptions(config.http()))
        .connectionHandler(this::admit)
        .requestHandler(router);
    return server.listen(config.http().port(), config.http().host());
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  /**
   * Caps this instance's share of {@code http.maxConnections}. Vert.x has no connection limit of its own; the
   * count needs no lock because an instance's connections all run on its one event loop.
   */
  private void admit(HttpConnection connection) {
    if (openConnections >= config.http().maxConnectionsPerInstance()) {
      connection.close();
      return;
    }
    openConnections++;
    connection.closeHandler(ignored -> openConnections--);
  }

  static HttpServerOptions serverOptions(HttpConfig http) {
    HttpServerOptions options = new HttpServerOptions()
        .setIdleTimeout(http.idleTimeoutSeconds())
        .setCompressionSupported(http.compression())
        // Most answers are a few hundred bytes: compressing those costs more CPU than it saves on the wire.
        .setCompressionContentSizeThreshold(COMPRESSION_THRESHOLD_BYTES)
        .setDecompressionSupported(true)
        .setTcpNoDelay(true)
        .setMaxInitialLineLength(8192)
        .setMaxHeaderSize(16384);
    if (http.tls()) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(http.tlsCertPath())
          .setKeyPath(http.tlsKeyPath()));
    }
    return options;
  }
}
