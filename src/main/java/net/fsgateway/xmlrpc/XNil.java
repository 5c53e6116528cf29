package net.fsgateway.xmlrpc;

/** {@code <nil/>}, the common extension. */
public record XNil() implements XmlRpcValue {
  public static final XNil NIL = new XNil();
}
