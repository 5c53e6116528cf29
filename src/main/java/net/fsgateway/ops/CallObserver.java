package net.fsgateway.ops;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fsgateway.dispatch.MethodRegistry;
import net.fsgateway.dispatch.MethodSpec;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XStruct;

/**
 * What the XML-RPC listener tells operations about each call: {@link #begin} when the request arrives (request id,
 * in-flight count), {@link #answered} when its answer is written (metrics, access line). One per HTTP verticle
 * instance; the gateway's {@link Operations} when the process has one, else a stand-alone one (access log only).
 */
public final class CallObserver {
  private static final Set<String> SYSTEM_METHODS = Set.of("system.listMethods", "system.methodHelp",
      "system.methodSignature", "system.multicall", "system.getCapabilities");
  private static final Set<String> PAYBYS = Set.of("CARD", "CHEK", "PREPAY", "DCRD", "DCHK", "BILL", "COMP");

  private final GatewayState state;
  private final CallMetrics metrics;
  private final MethodRegistry registry = MethodRegistry.reseller();

  CallObserver(GatewayState state, CallMetrics metrics) {
    this.state = state;
    this.metrics = metrics;
  }

  /** The observer of the gateway running in {@code vertx}. */
  public static CallObserver of(Vertx vertx) {
    return Operations.of(vertx).map(Operations::observer).orElseGet(() -> new CallObserver(new GatewayState(), null));
  }

  /** True once SIGTERM arrived: answers then close their connection so keep-alive clients move elsewhere. */
  public boolean draining() {
    return state.isDraining();
  }

  /** A request arrived: its id is echoed at once; it counts as in flight until its response ends or its connection closes. */
  public Call begin(HttpServerRequest request) {
    String id = RequestIds.fromHeader(request.getHeader(RequestIds.HEADER));
    request.response().putHeader(RequestIds.HEADER, id);
    String client = request.remoteAddress() == null ? "-" : request.remoteAddress().hostAddress();
    Call call = new Call(System.nanoTime(), id, client, Vertx.currentContext());
    state.callStarted();
    request.response().endHandler(ignored -> call.settle(state));
    request.response().closeHandler(ignored -> call.settle(state));
    return call;
  }

  /** The answer to {@code decoded} (null when the body could not be decoded) is being written. */
  public void answered(Call call, MethodCall decoded, MethodResponse response) {
    long nanos = System.nanoTime() - call.startNanos;
    String method = decoded == null ? "invalid" : label(decoded.methodName());
    String outcome = CallOutcome.of(method, response);
    if (metrics != null) {
      metrics.call(method, outcome, nanos);
      if ("new_customer".equals(method)) {
        metrics.signup(payby(decoded), outcome);
      }
    }
    AccessLog.call(method, CallAgent.get(call.context), outcome, nanos, call.client, call.requestId);
  }

  private String label(String wireName) {
    if (SYSTEM_METHODS.contains(wireName)) {
      return wireName;
    }
    return registry.resolve(wireName).map(MethodSpec::name).orElse("other");
  }

  private static String payby(MethodCall call) {
    List<?> params = call.params();
    if (params.isEmpty() || !(params.get(0) instanceof XStruct struct)) {
      return "none";
    }
    String payby = Scalars.text(struct.get("payby")).orElse("").trim().toUpperCase(Locale.ROOT);
    return payby.isEmpty() ? "none" : PAYBYS.contains(payby) ? payby : "other";
  }

  /** One call as the observer follows it. */
  public static final class Call {
    private final long startNanos;
    private final String requestId;
    private final String client;
    private final Context context;
    private boolean settled;

    Call(long startNanos, String requestId, String client, Context context) {
      this.startNanos = startNanos;
      this.requestId = requestId;
      this.client = client;
      this.context = context;
    }

    /** Runs on the connection's event loop only (end and close handlers), so the flag needs no lock. */
    private void settle(GatewayState state) {
      if (!settled) {
        settled = true;
        state.callEnded();
      }
    }
  }
}
