package net.fsgateway.dispatch;

import io.vertx.core.Future;
import java.util.Optional;
import net.fsgateway.config.CompatConfig;
import net.fsgateway.config.LimitsConfig;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.MethodResponse.Fault;

/**
 * Sends a decoded call, by its {@link MethodRoute}, to the service that owns its method and turns every outcome
 * into a {@link MethodResponse}. {@code system.*} methods are answered here; a multicall's inner calls come back
 * through {@link #callOne} one by one, so each counts against every limit exactly as a single call does.
 */
public final class Dispatcher {
  private static final int MAX_ECHOED_NAME = 80;

  private final MethodRoute route;
  private final MethodRegistry registry;
  private final LimitsConfig limits;
  private final SystemMethods system;
  private final boolean typedAnswers;

  public Dispatcher(MethodRoute route, MethodRegistry registry, LimitsConfig limits, CompatConfig compat) {
    this.route = route;
    this.registry = registry;
    this.limits = limits;
    this.typedAnswers = compat.typedAnswers();
    this.system = new SystemMethods(this, registry, limits);
  }

  /** Dispatches a call as it came off the wire. Never fails: every failure is a fault. */
  public Future<MethodResponse> call(MethodCall call, String clientAddress) {
    if (SystemMethods.MULTICALL.equals(call.methodName())) {
      return system.multicall(call.params(), clientAddress);
    }
    return callOne(call, clientAddress);
  }

  /** One call that is not a multicall (a multicall's inner calls come here too). */
  Future<MethodResponse> callOne(MethodCall call, String clientAddress) {
    String name = call.methodName();
    if (name.startsWith(SystemMethods.PREFIX)) {
      return system.introspect(call);
    }
    Optional<MethodSpec> spec = registry.resolve(name);
    if (spec.isEmpty()) {
      return Future.succeededFuture(new Fault(FaultCode.METHOD_NOT_FOUND, "method '" + printable(name) + "' not found"));
    }
    Optional<String> problem = spec.get().rule().check(call.params());
    if (problem.isPresent()) {
      return Future.succeededFuture(new Fault(FaultCode.INVALID_PARAMS, spec.get().name() + " " + problem.get()));
    }
    int timeout = Math.max(spec.get().timeoutMs(), limits.callTimeoutMs());
    CallRequest request =
        new CallRequest(spec.get().name(), spec.get().rule().normalize(call.params()), clientAddress);
    Future<MethodResponse> answer = route.call(spec.get(), request, timeout);
    return typedAnswers ? answer : answer.map(FreesideTyping::strings);
  }

  /**
   * A method name echoed in a fault: at most {@value #MAX_ECHOED_NAME} code points (never half a surrogate pair),
   * with every control, format (bidi overrides, zero-width), line/paragraph separator or unassigned char shown as
   * {@code ?}, so the fault cannot reorder or break the text of whatever log or screen shows it.
   */
  static String printable(String name) {
    StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_ECHOED_NAME * 2) + 1);
    int count = 0;
    for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
      if (++count > MAX_ECHOED_NAME) {
        return out.append('…').toString();
      }
      int cp = name.codePointAt(i);
      out.appendCodePoint(isPrintable(cp) ? cp : '?');
    }
    return out.toString();
  }

  private static boolean isPrintable(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
        return false;
      default:
        return true;
    }
  }
}
