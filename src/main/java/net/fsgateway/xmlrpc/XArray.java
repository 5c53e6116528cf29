package net.fsgateway.xmlrpc;

import java.util.List;

/** {@code <array>}. */
public record XArray(List<XmlRpcValue> items) implements XmlRpcValue {
  public XArray {
    items = List.copyOf(items);
  }
}
