package net.fsgateway.xmlrpc;

import java.util.Objects;

/** {@code <string>} or an untyped {@code <value>}. */
public record XString(String value) implements XmlRpcValue {
  public static final XString EMPTY = new XString("");

  public XString {
    Objects.requireNonNull(value, "value");
  }

  public static XString of(String value) {
    return value.isEmpty() ? EMPTY : new XString(value);
  }
}
