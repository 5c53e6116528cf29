package net.fsgateway.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/** {@code GET /health}: the process is up and serving (Kubernetes liveness and readiness probes). */
final class HealthRoutes {
  private HealthRoutes() {
  }

  static void mount(Router router) {
    router.route(HttpMethod.GET, "/health").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; charset=UTF-8")
        .end("ok\n"));
  }
}
