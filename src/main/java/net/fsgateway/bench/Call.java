package net.fsgateway.bench;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import net.fsgateway.codec.XmlRpcRequestWriter;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.XStruct;

/**
 * One request a scenario wants sent: the reseller method (short name, for the report), its encoded body, what the
 * answer must look like, and an optional tag the scenario reads back when the answer arrives (e.g. the username).
 */
public record Call(String method, Buffer body, Expectation expectation, String tag) {
  public static final String PREFIX = "FS.SelfService.XMLRPC.";

  public static Call of(String method, XStruct params, Expectation expectation, String tag) {
    return new Call(method, XmlRpcRequestWriter.write(new MethodCall(PREFIX + method, List.of(params))), expectation, tag);
  }

  public static Call of(String method, XStruct params, Expectation expectation) {
    return of(method, params, expectation, "");
  }
}
