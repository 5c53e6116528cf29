package net.fsgateway.xmlrpc;

import java.util.Arrays;

/** {@code <base64>}: the decoded bytes. Equality is by content. */
public record XBase64(byte[] value) implements XmlRpcValue {
  public XBase64 {
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof XBase64 b && Arrays.equals(value, b.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "XBase64[" + value.length + " bytes]";
  }
}
