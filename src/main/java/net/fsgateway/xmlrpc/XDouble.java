package net.fsgateway.xmlrpc;

import java.util.Objects;

/** {@code <double>}: the parsed value and the trimmed lexical text as sent. */
public record XDouble(double value, String text) implements XmlRpcValue {
  public XDouble {
    Objects.requireNonNull(text, "text");
  }

  public static XDouble of(double value) {
    return new XDouble(value, Double.toString(value));
  }
}
