package net.fsgateway.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** What a method's params must look like before it is dispatched; a mismatch is an invalid-params fault. */
public enum ParamRule {
  /**
   * Freeside's convention: the params are one struct, sent as a {@code <struct>} or as a flat list of alternating
   * names and values (SelfService.pm's {@code { @_ }}, ClientAPI_XMLRPC.pm's {@code my %hash = @_}; Freeside's own
   * scripts call the backend that way). No params is the empty struct, a repeated name keeps its last value, and
   * a name may be any scalar (Perl reads it as its text). Where Perl would go on with garbage — an odd-length list
   * (the last name silently undefined) or a struct, array, base64 or nil as a name (a key like "HASH(0x…)") — the
   * call is refused with a fault naming the problem, so a client's bug is not mistaken for a missing field.
   */
  ONE_STRUCT {
    @Override
    Optional<String> check(List<XmlRpcValue> params) {
      if (params.size() == 1 && params.get(0) instanceof XStruct) {
        return Optional.empty();
      }
      if (!params.isEmpty() && params.get(0) instanceof XStruct) {
        return Optional.of("expects one <struct> or a flat list of names and values, got " + describe(params));
      }
      if (params.size() % 2 != 0) {
        return Optional.of("expects a flat list of names and values, got an odd number of params: "
            + describe(params));
      }
      for (int i = 0; i < params.size(); i += 2) {
        if (memberName(params.get(i)) == null) {
          return Optional.of("expects a flat list of names and values, but param " + (i + 1) + " (a name) is a "
              + typeName(params.get(i)));
        }
      }
      return Optional.empty();
    }

    @Override
    List<XmlRpcValue> normalize(List<XmlRpcValue> params) {
      if (params.size() == 1) {
        return params;
      }
      Map<String, XmlRpcValue> members = new LinkedHashMap<>();
      for (int i = 0; i < params.size(); i += 2) {
        members.put(memberName(params.get(i)), params.get(i + 1));
      }
      return List.of(new XStruct(members));
    }
  };

  /** Why the params do not fit, or empty when they do. */
  abstract Optional<String> check(List<XmlRpcValue> params);

  /** The params in the one form the handlers read; only called after {@link #check} passed. */
  abstract List<XmlRpcValue> normalize(List<XmlRpcValue> params);

  /** A name's text: any scalar but nil; null for a struct, array, base64 or nil. */
  private static String memberName(XmlRpcValue value) {
    if (value instanceof net.fsgateway.xmlrpc.XNil) {
      return null;
    }
    return Scalars.text(value).orElse(null);
  }

  private static String typeName(XmlRpcValue value) {
    return value.getClass().getSimpleName().substring(1).toLowerCase();
  }

  private static String describe(List<XmlRpcValue> params) {
    if (params.isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (XmlRpcValue p : params) {
      if (++shown > 8) {
        out.append(", …");
        break;
      }
      out.append(out.length() == 0 ? "" : ", ").append(typeName(p));
    }
    return params.size() + " (" + out + ")";
  }
}
