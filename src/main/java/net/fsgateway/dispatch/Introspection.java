package net.fsgateway.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.MethodResponse.Fault;
import net.fsgateway.xmlrpc.MethodResponse.Success;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** {@code system.listMethods}, {@code methodHelp}, {@code methodSignature} and {@code getCapabilities}. */
final class Introspection {
  private static final List<String> SYSTEM = List.of("system.listMethods", "system.methodHelp",
      "system.methodSignature", "system.getCapabilities", "system.multicall");

  private Introspection() {
  }

  static XmlRpcValue listMethods(MethodRegistry registry) {
    List<XmlRpcValue> names = new ArrayList<>();
    registry.all().forEach(spec -> names.add(XString.of(MethodRegistry.SELF_SERVICE_PREFIX + spec.name())));
    SYSTEM.forEach(name -> names.add(XString.of(name)));
    return new XArray(names);
  }

  static MethodResponse methodHelp(MethodRegistry registry, List<XmlRpcValue> params) {
    return named(registry, params).<MethodResponse>map(spec -> new Success(XString.of(spec.help())))
        .orElseGet(() -> unknown(params));
  }

  static MethodResponse methodSignature(MethodRegistry registry, List<XmlRpcValue> params) {
    return named(registry, params).<MethodResponse>map(spec -> {
      List<XmlRpcValue> signatures = new ArrayList<>();
      for (List<String> signature : spec.signatures()) {
        signatures.add(new XArray(signature.stream().map(t -> (XmlRpcValue) XString.of(t)).toList()));
      }
      return new Success(new XArray(signatures));
    }).orElseGet(() -> unknown(params));
  }

  static XmlRpcValue capabilities() {
    return XStruct.builder()
        .put("faults_interop", spec("http://xmlrpc-epi.sourceforge.net/specs/rfc.fault_codes.php", 20010516))
        .put("multicall", spec("http://www.xmlrpc.com/discuss/msgReader$1208", 1))
        .put("introspection", spec("http://xmlrpc-c.sourceforge.net/xmlrpc-c/introspection.html", 1))
        .put("nil", spec("http://www.ontosys.com/xml-rpc/extensions.php", 1))
        .build();
  }

  private static XmlRpcValue spec(String url, int version) {
    return XStruct.builder().put("specUrl", url).put("specVersion", version).build();
  }

  private static Optional<MethodSpec> named(MethodRegistry registry, List<XmlRpcValue> params) {
    if (params.size() != 1 || !(params.get(0) instanceof XString name)) {
      return Optional.empty();
    }
    return registry.resolve(name.value());
  }

  private static MethodResponse unknown(List<XmlRpcValue> params) {
    if (params.size() != 1 || !(params.get(0) instanceof XString name)) {
      return new Fault(FaultCode.INVALID_PARAMS, "expects one <string> param: a method name");
    }
    return new Fault(FaultCode.METHOD_NOT_FOUND, "method '" + Dispatcher.printable(name.value()) + "' not found");
  }
}
