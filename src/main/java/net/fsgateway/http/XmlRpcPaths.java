package net.fsgateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.internal.net.RFC3986;
import java.util.Set;

/**
 * The XML-RPC port's request handler: {@code POST} on the XML-RPC paths goes to the endpoint; any other verb
 * there is 405 ({@code Allow: POST} unless HEAD), any other path 404, an HTTP/1.1 request without {@code Host} 400:
 * the answers vertx-web's {@code Router} gave, without its per-request routing context, request wrapper and route
 * iteration (0.6% of the gateway's CPU and 615 bytes a call in a check_username profile). Paths match as the
 * router matched them: normalized (RFC 3986 dot segments, percent-encoded unreserved characters), one trailing
 * slash ignored except on {@code /} itself.
 */
final class XmlRpcPaths implements Handler<HttpServerRequest> {
  private static final CharSequence POST = HttpHeaders.createOptimized("POST");
  private static final CharSequence TEXT_HTML = HttpHeaders.createOptimized("text/html; charset=utf-8");
  private static final String NOT_FOUND = "<html><body><h1>Resource not found</h1></body></html>";

  private final Set<String> paths;
  private final XmlRpcEndpoint endpoint;

  XmlRpcPaths(Set<String> paths, XmlRpcEndpoint endpoint) {
    this.paths = Set.copyOf(paths);
    this.endpoint = endpoint;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (request.authority() == null && request.version() != HttpVersion.HTTP_1_0) {
      request.response().setStatusCode(400).end("Bad Request");
      return;
    }
    if (!matches(request.path())) {
      HttpServerResponse response = request.response().setStatusCode(404);
      if (request.method() == HttpMethod.HEAD) {
        response.end();
      } else {
        response.putHeader(HttpHeaders.CONTENT_TYPE, TEXT_HTML).end(NOT_FOUND);
      }
      return;
    }
    if (request.method() != HttpMethod.POST) {
      HttpServerResponse response = request.response().setStatusCode(405);
      if (request.method() != HttpMethod.HEAD) {
        response.putHeader(HttpHeaders.ALLOW, POST);
      }
      response.end();
      return;
    }
    endpoint.handle(request);
  }

  boolean matches(String path) {
    if (path == null || path.isEmpty()) {
      return paths.contains("/");
    }
    if (paths.contains(path)) {
      return true; // the usual case: no normalization needed for an exact hit
    }
    String normalized = RFC3986.normalizePath(path);
    if (paths.contains(normalized)) {
      return true;
    }
    int last = normalized.length() - 1;
    return last > 0 && normalized.charAt(last) == '/' && paths.contains(normalized.substring(0, last));
  }
}
