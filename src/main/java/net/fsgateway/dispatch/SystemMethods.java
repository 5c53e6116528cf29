package net.fsgateway.dispatch;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.LimitsConfig;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.MethodResponse.Fault;
import net.fsgateway.xmlrpc.MethodResponse.Success;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * The {@code system.*} methods: introspection, capabilities, and {@code system.multicall} (the de-facto
 * extension: an array of {methodName, params} structs in, an array of one-element arrays or fault structs out).
 */
final class SystemMethods {
  static final String PREFIX = "system.";
  static final String MULTICALL = "system.multicall";

  private final Dispatcher dispatcher;
  private final MethodRegistry registry;
  private final LimitsConfig limits;

  SystemMethods(Dispatcher dispatcher, MethodRegistry registry, LimitsConfig limits) {
    this.dispatcher = dispatcher;
    this.registry = registry;
    this.limits = limits;
  }

  Future<MethodResponse> introspect(MethodCall call) {
    return Future.succeededFuture(switch (call.methodName()) {
      case "system.listMethods" -> new Success(Introspection.listMethods(registry));
      case "system.methodHelp" -> Introspection.methodHelp(registry, call.params());
      case "system.methodSignature" -> Introspection.methodSignature(registry, call.params());
      case "system.getCapabilities" -> new Success(Introspection.capabilities());
      case MULTICALL -> new Fault(FaultCode.INVALID_REQUEST, "system.multicall cannot be nested");
      default -> new Fault(FaultCode.METHOD_NOT_FOUND,
          "method '" + Dispatcher.printable(call.methodName()) + "' not found");
    });
  }

  /** Runs the inner calls in order, each through the dispatcher as a single call would go. */
  Future<MethodResponse> multicall(List<XmlRpcValue> params, String clientAddress) {
    if (params.size() != 1 || !(params.get(0) instanceof XArray calls)) {
      return Future.succeededFuture(new Fault(FaultCode.INVALID_PARAMS, "system.multicall expects one <array> of calls"));
    }
    if (calls.items().size() > limits.maxMulticallCalls()) {
      return Future.succeededFuture(new Fault(FaultCode.INVALID_PARAMS,
          "system.multicall takes at most " + limits.maxMulticallCalls() + " calls per batch"));
    }
    List<XmlRpcValue> results = new ArrayList<>(calls.items().size());
    // One batch may not hold its connection longer than one call may: inner calls not started by then are
    // answered with a busy fault in their slots instead of being run.
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.callTimeoutMs());
    Future<Void> chain = Future.succeededFuture();
    for (XmlRpcValue item : calls.items()) {
      chain = chain.compose(ignored -> System.nanoTime() - deadline < 0 ? inner(item, clientAddress)
          : Future.succeededFuture(faultStruct(new Fault(FaultCode.SERVER_BUSY,
              "system.multicall ran out of time (" + limits.callTimeoutMs() + " ms); this call was not run"))))
          .map(result -> {
            results.add(result);
            return null;
          });
    }
    return chain.map(ignored -> new Success(new XArray(results)));
  }

  private Future<XmlRpcValue> inner(XmlRpcValue item, String clientAddress) {
    MethodCall call = MulticallItem.parse(item);
    if (call == null) {
      return Future.succeededFuture(faultStruct(new Fault(FaultCode.INVALID_PARAMS,
          "each multicall entry must be a struct {methodName: string, params: array}")));
    }
    if (MULTICALL.equals(call.methodName())) {
      return Future.succeededFuture(faultStruct(new Fault(FaultCode.INVALID_REQUEST, "system.multicall cannot be nested")));
    }
    return dispatcher.callOne(call, clientAddress)
        .compose(StreamedAnswers::whole)
        .map(SystemMethods::slot);
  }

  private static XmlRpcValue slot(MethodResponse response) {
    if (response instanceof Success success) {
      return new XArray(List.of(success.value()));
    }
    return faultStruct((Fault) response);
  }

  private static XmlRpcValue faultStruct(Fault fault) {
    return XStruct.builder().put("faultCode", fault.code()).put("faultString", XString.of(fault.message())).build();
  }
}
