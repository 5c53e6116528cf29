package net.fsgateway.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.MethodResponse.Streamed;
import net.fsgateway.xmlrpc.MethodResponse.Success;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XBase64;
import net.fsgateway.xmlrpc.XDateTime;
import net.fsgateway.xmlrpc.XNil;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * Freeside's answer typing: its servers (XMLRPC::Lite with a typelookup that makes every Perl scalar a string)
 * send numbers and flags as {@code <string>} — {@code available} is "1", {@code custnum} "12". Integrations
 * compare with {@code === '1'} (PHP) or {@code == '1'} (Python), so a reseller method's answer is rewritten the
 * same way unless {@code compat.typedAnswers} is set. Nil (Perl's undef) stays nil: the writer shows it as an
 * empty {@code <value/>}. Faults and the {@code system.*} answers keep their XML-RPC types.
 */
public final class FreesideTyping {
  private FreesideTyping() {
  }

  /** The response with every scalar of a success turned into a string; a fault as it is. */
  public static MethodResponse strings(MethodResponse response) {
    if (response instanceof Streamed s) {
      return new Streamed((XStruct) strings(s.head()), s.member(), s.items(), FreesideTyping::strings);
    }
    return response instanceof Success success ? new Success(strings(success.value())) : response;
  }

  /**
   * The value with every scalar (int, i8, double, boolean) as its text in a {@code <string>}. A struct or array
   * with nothing to rewrite comes back as the same instance, so an answer built once and kept (a method's memo)
   * stays the same object on its way to the writer, which can then send the bytes it wrote for it before.
   */
  public static XmlRpcValue strings(XmlRpcValue value) {
    if (value instanceof XString || value instanceof XNil || value instanceof XBase64 || value instanceof XDateTime) {
      return value;
    }
    if (value instanceof XStruct struct) {
      return struct(struct);
    }
    if (value instanceof XArray array) {
      return array(array);
    }
    return XString.of(Scalars.text(value).orElseThrow());
  }

  /** Looks for the first member to rewrite by its values alone (no entry objects); copies only from there on. */
  private static XmlRpcValue struct(XStruct struct) {
    int unchanged = 0;
    XmlRpcValue firstTyped = null;
    for (XmlRpcValue member : struct.members().values()) {
      XmlRpcValue typed = strings(member);
      if (typed != member) {
        firstTyped = typed;
        break;
      }
      unchanged++;
    }
    if (firstTyped == null) {
      return struct;
    }
    XStruct.Builder typed = XStruct.builder(struct.members().size());
    int at = 0;
    for (Map.Entry<String, XmlRpcValue> member : struct.members().entrySet()) {
      typed.put(member.getKey(), at < unchanged ? member.getValue()
          : at == unchanged ? firstTyped : strings(member.getValue()));
      at++;
    }
    return typed.build();
  }

  private static XmlRpcValue array(XArray array) {
    List<XmlRpcValue> items = array.items();
    List<XmlRpcValue> typed = null;
    for (int i = 0; i < items.size(); i++) {
      XmlRpcValue item = strings(items.get(i));
      if (typed == null && item != items.get(i)) {
        typed = new ArrayList<>(items.size());
        typed.addAll(items.subList(0, i));
      }
      if (typed != null) {
        typed.add(item);
      }
    }
    return typed == null ? array : new XArray(typed);
  }
}
