package net.fsgateway.xmlrpc;

import java.util.Objects;

/** {@code <i8>}, kept as its lexical text like {@link XInt}; the 64-bit range is checked by {@link #longValue()}. */
public record XI8(String text) implements XmlRpcValue {
  public XI8 {
    Objects.requireNonNull(text, "text");
  }

  public static XI8 of(long value) {
    return new XI8(Long.toString(value));
  }

  /** The value as a {@code long}; throws {@link NumberFormatException} when it is out of the 64-bit range. */
  public long longValue() {
    return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
  }
}
