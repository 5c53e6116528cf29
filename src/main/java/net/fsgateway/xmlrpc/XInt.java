package net.fsgateway.xmlrpc;

import java.util.Objects;

/**
 * {@code <i4>} or {@code <int>}. {@code text} is the trimmed lexical form as sent: an optional sign and digits,
 * possibly beyond the 32-bit range (Perl clients type card numbers as {@code <i4>}). The range is checked only
 * when a number is asked for, by {@link #intValue()}.
 */
public record XInt(String text) implements XmlRpcValue {
  public XInt {
    Objects.requireNonNull(text, "text");
  }

  public static XInt of(int value) {
    return new XInt(Integer.toString(value));
  }

  /** The value as an {@code int}; throws {@link NumberFormatException} when it is out of the 32-bit range. */
  public int intValue() {
    return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
  }
}
