package net.fsgateway.dispatch;

import java.util.List;
import java.util.Optional;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** What a method's params must look like before it is dispatched; a mismatch is an invalid-params fault. */
public enum ParamRule {
  /** Freeside's convention: exactly one struct. */
  ONE_STRUCT {
    @Override
    Optional<String> check(List<XmlRpcValue> params) {
      if (params.size() != 1 || !(params.get(0) instanceof XStruct)) {
        return Optional.of("expects exactly one <struct> param, got " + describe(params));
      }
      return Optional.empty();
    }
  };

  abstract Optional<String> check(List<XmlRpcValue> params);

  private static String describe(List<XmlRpcValue> params) {
    if (params.isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    for (XmlRpcValue p : params) {
      out.append(out.length() == 0 ? "" : ", ").append(p.getClass().getSimpleName().substring(1).toLowerCase());
    }
    return params.size() + " (" + out + ")";
  }
}
