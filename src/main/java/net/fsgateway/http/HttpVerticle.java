package net.fsgateway.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.HttpConfig;
import net.fsgateway.dispatch.BusRoute;
import net.fsgateway.dispatch.Dispatcher;
import net.fsgateway.dispatch.LocalRoute;
import net.fsgateway.dispatch.MethodRegistry;
import net.fsgateway.dispatch.MethodRoute;
import net.fsgateway.dispatch.MethodService;
import net.fsgateway.ops.CallObserver;

/**
 * The XML-RPC listener, one instance per event loop. {@code POST} on {@code /}, {@code /RPC2} and Freeside's
 * {@code /selfservice/xmlrpc.cgi}; any other verb there gets 405, any other path 404 ({@link XmlRpcPaths}).
 *
 * <p>With co-located services, each instance starts its own set on its event loop and calls them directly;
 * without, calls go over the event bus to the service verticles.
 */
public final class HttpVerticle extends VerticleBase {
  static final String[] XMLRPC_PATHS = {"/", "/RPC2", "/selfservice/xmlrpc.cgi"};

  private final GatewayConfig config;
  private final List<MethodService> colocated;
  private HttpServer server;
  private int openConnections;

  /** {@code colocated}: the services this instance starts and calls in-process; empty to call over the bus. */
  public HttpVerticle(GatewayConfig config, List<MethodService> colocated) {
    this.config = config;
    this.colocated = List.copyOf(colocated);
  }

  @Override
  public Future<?> start() {
    if (colocated.isEmpty()) {
      return listen(new BusRoute(vertx));
    }
    LocalRoute local = new LocalRoute(vertx);
    // join, not all: on a failure every service has settled before stop() closes what the others opened.
    return Future.join(colocated.stream().map(service -> service.start(vertx, local)).toList())
        .compose(started -> listen(local))
        .recover(failure -> stopServices().transform(ignored -> Future.failedFuture(failure)));
  }

  private Future<HttpServer> listen(MethodRoute route) {
    Dispatcher dispatcher = new Dispatcher(route, MethodRegistry.reseller(), config.limits(), config.compat());
    XmlRpcEndpoint endpoint = new XmlRpcEndpoint(vertx, dispatcher, config.limits(),
        config.http().requestTimeoutSeconds() * 1000L, !config.compat().typedAnswers(), config.http().compression(),
        CallObserver.of(vertx));
    server = vertx.createHttpServer(serverOptions(config.http()))
        .connectionHandler(this::admit)
        .requestHandler(new XmlRpcPaths(Set.of(XMLRPC_PATHS), endpoint));
    return server.listen(config.http().port(), config.http().host());
  }

  /**
   * Stops accepting, lets the calls in flight finish (each answer closes its connection; idle connections close at
   * once), then stops the services, so no call ever finds its pool closed under it. The wait is bounded by
   * {@code shutdown.graceSeconds}; the deadline itself, counted from SIGTERM, is the shutdown's own (it logs the
   * calls it cuts), so this bound is never the one that cuts them silently.
   */
  @Override
  public Future<?> stop() {
    long seconds = config.shutdown().graceSeconds();
    Future<Void> listener = server == null ? Future.succeededFuture() : server.shutdown(seconds, TimeUnit.SECONDS);
    return listener.eventually(this::stopServices);
  }

  private Future<?> stopServices() {
    return Future.join(colocated.stream().map(MethodService::stop).toList());
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
        // No compression options: XmlRpcEndpoint compresses answers (AnswerCompression) and inflates compressed
        // bodies (RequestInflater) itself, so the answers and bodies that are not compressed pass no codec.
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
