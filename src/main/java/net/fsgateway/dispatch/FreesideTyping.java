package net.fsgateway.dispatch;

import java.util.ArrayList;
import java.util.List;
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

  /** The value with every scalar (int, i8, double, boolean) as its text in a {@code <string>}. */
  public static XmlRpcValue strings(XmlRpcValue value) {
    if (value instanceof XString || value instanceof XNil || value instanceof XBase64 || value instanceof XDateTime) {
      return value;
    }
    if (value instanceof XStruct struct) {
      XStruct.Builder members = XStruct.builder(struct.members().size());
      struct.members().forEach((name, member) -> members.put(name, strings(member)));
      return members.build();
    }
    if (value instanceof XArray array) {
      List<XmlRpcValue> items = new ArrayList<>(array.items().size());
      array.items().forEach(item -> items.add(strings(item)));
      return new XArray(items);
    }
    return XString.of(Scalars.text(value).orElseThrow());
  }
}
