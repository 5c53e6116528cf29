package net.fsgateway.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import net.fsgateway.config.ManagementConfig;

/**
 * The management listener: {@code /health/live} (the process serves), {@code /health/ready} (started, migrated,
 * not draining), {@code /health} (JSON: lifecycle and each backend's last probe) and {@code /metrics}
 * (Prometheus text). Readiness deliberately ignores the backends' state: they are shared, so a PostgreSQL outage
 * would take every pod out of the Service at once and resellers would get "connection refused" instead of a
 * retryable fault.
 */
final class ManagementServer {
  private static final String TEXT = "text/plain; charset=UTF-8";
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  private final Vertx vertx;
  private final GatewayState state;
  private final PrometheusMeterRegistry registry;
  private final Operations operations;
  private HttpServer server;

  ManagementServer(Vertx vertx, Operations operations, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.operations = operations;
    this.state = operations.state();
    this.registry = registry;
  }

  /** Listens; completes with the bound port (useful when the configured port is 0). */
  Future<Integer> listen(ManagementConfig config) {
    Router router = Router.router(vertx);
    router.route(HttpMethod.GET, "/health/live").handler(ctx -> text(ctx, 200, "ok\n"));
    router.route(HttpMethod.GET, "/health/ready").handler(this::ready);
    router.route(HttpMethod.GET, "/health").handler(this::health);
    router.route(HttpMethod.GET, "/metrics").handler(this::metrics);
    server = vertx.createHttpServer().requestHandler(router);
    return server.listen(config.port(), config.host()).map(HttpServer::actualPort);
  }

  Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void ready(RoutingContext ctx) {
    if (state.isReady()) {
      text(ctx, 200, "ready\n");
    } else {
      text(ctx, 503, phase() + "\n");
    }
  }

  private String phase() {
    if (state.isDraining()) {
      return "draining";
    }
    if (!state.isMigrated()) {
      return "waiting for backends";
    }
    return state.isStarted() ? "ready" : "starting";
  }

  private void health(RoutingContext ctx) {
    JsonObject body = new JsonObject()
        .put("status", phase())
        .put("ready", state.isReady())
        .put("callsInFlight", state.inFlight())
        .put("backends", operations.backendsJson());
    ctx.response().putHeader("Content-Type", "application/json").end(body.encodePrettily() + "\n");
  }

  private void metrics(RoutingContext ctx) {
    if (registry == null) {
      text(ctx, 404, "metrics are off (metrics.enabled=false)\n");
      return;
    }
    // A scrape formats every meter: off the event loop, so it never delays the probes beside it.
    vertx.executeBlocking(registry::scrape, false)
        .onSuccess(body -> ctx.response().putHeader("Content-Type", PROMETHEUS).end(body))
        .onFailure(ctx::fail);
  }

  private static void text(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", TEXT).end(body);
  }
}
