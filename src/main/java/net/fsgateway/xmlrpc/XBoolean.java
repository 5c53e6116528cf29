package net.fsgateway.xmlrpc;

/** {@code <boolean>}: 0 or 1 on the wire. */
public record XBoolean(boolean value) implements XmlRpcValue {
  public static final XBoolean TRUE = new XBoolean(true);
  public static final XBoolean FALSE = new XBoolean(false);

  public static XBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }

  public String text() {
    return value ? "1" : "0";
  }
}
