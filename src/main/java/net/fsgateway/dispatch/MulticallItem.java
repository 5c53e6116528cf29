package net.fsgateway.dispatch;

import java.util.List;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** Reads one entry of a {@code system.multicall} array: {@code {methodName: string, params: array}}. */
final class MulticallItem {
  private MulticallItem() {
  }

  /** The call, or null when the entry is malformed. A missing params member means no params. */
  static MethodCall parse(XmlRpcValue item) {
    if (!(item instanceof XStruct struct) || !(struct.get("methodName") instanceof XString name)) {
      return null;
    }
    XmlRpcValue params = struct.get("params");
    if (params == null) {
      return new MethodCall(name.value(), List.of());
    }
    if (!(params instanceof XArray array)) {
      return null;
    }
    return new MethodCall(name.value(), array.items());
  }
}
