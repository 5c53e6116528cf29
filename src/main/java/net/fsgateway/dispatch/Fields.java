package net.fsgateway.dispatch;

import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * Reads struct members by meaning, whatever type the client guessed: a string field gets the lexical text as
 * sent ({@code <i4>02134</i4>} is "02134"), a number field gets a checked number.
 */
public final class Fields {
  private Fields() {
  }

  /** The member's text, or "" when it is absent or nil; a struct, array or base64 is invalid params. */
  public static String text(XStruct struct, String name) {
    XmlRpcValue value = struct.get(name);
    if (value == null) {
      return "";
    }
    return Scalars.text(value).orElseThrow(() -> CallFailure.invalidParams(name + " must be a scalar value"));
  }

  /** The member's text with surrounding whitespace removed. */
  public static String trimmed(XStruct struct, String name) {
    return text(struct, name).strip();
  }

  /** A whole number field (any integer type or a digit string); absent or blank gives null. */
  public static Long number(XStruct struct, String name) {
    String text = trimmed(struct, name);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      throw CallFailure.invalidParams(name + " must be a whole number");
    }
  }
}
