package net.fsgateway.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import net.fsgateway.codec.XmlRpcResponseWriter;
import net.fsgateway.dispatch.Failures;
import net.fsgateway.resilience.FailureCause;

/**
 * The answer to a request that arrives while {@code limits.maxInFlight} calls are in flight: fault -32003 at
 * once. Its body is read off the connection and dropped, never decoded, so the connection stays usable for the
 * client's retry and the refusal costs no decoder and no call.
 */
final class Shedding {
  private Shedding() {
  }

  static void refuse(HttpServerRequest request, int max) {
    request.handler(ignored -> { });
    request.exceptionHandler(ignored -> { });
    request.endHandler(ignored -> {
      HttpServerResponse response = request.response();
      if (!response.ended() && !response.closed()) {
        response.putHeader(HttpHeaders.CONTENT_TYPE, "text/xml; charset=UTF-8")
            .end(XmlRpcResponseWriter.write(Failures.fault(FailureCause.SHED, "call", "limits.maxInFlight " + max
                + " calls in flight")));
      }
    });
    request.resume();
  }
}
