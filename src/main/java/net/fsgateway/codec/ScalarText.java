package net.fsgateway.codec;

import java.time.LocalDateTime;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.XBase64;
import net.fsgateway.xmlrpc.XBoolean;
import net.fsgateway.xmlrpc.XDateTime;
import net.fsgateway.xmlrpc.XDouble;
import net.fsgateway.xmlrpc.XI8;
import net.fsgateway.xmlrpc.XInt;
import net.fsgateway.xmlrpc.XNil;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * Turns the text of a typed scalar into its value. Typed text is trimmed; a string keeps every char. Integers are
 * checked lexically only ({@code [+-]?[0-9]+}, at most 64 digits) and kept as text: Perl Frontier::Client sends
 * card numbers and zip codes as {@code <i4>}, and the range is checked only when a number is asked for.
 */
final class ScalarText {
  private static final int MAX_INTEGER_DIGITS = 64;

  private ScalarText() {
  }

  static XmlRpcValue read(int kind, StringBuilder text) throws ProtocolException {
    if (kind == Tags.STRING) {
      return string(text);
    }
    String s = trim(text);
    if (kind == Tags.I4 || kind == Tags.INT) {
      return new XInt(integer(s, kind));
    } else if (kind == Tags.I8) {
      return new XI8(integer(s, kind));
    } else if (kind == Tags.BOOLEAN) {
      return bool(s);
    } else if (kind == Tags.DOUBLE) {
      return new XDouble(decimal(s), s);
    } else if (kind == Tags.DATETIME) {
      LocalDateTime t = Iso8601.parse(s);
      if (t == null) {
        throw invalid(kind);
      }
      return new XDateTime(t, s);
    } else if (kind == Tags.BASE64) {
      byte[] bytes = Base64Text.decode(s);
      if (bytes == null) {
        throw invalid(kind);
      }
      return new XBase64(bytes);
    } else if (kind == Tags.NIL) {
      if (!s.isEmpty()) {
        throw invalid(kind);
      }
      return XNil.NIL;
    }
    throw new IllegalStateException("not a scalar: " + kind);
  }

  static XString string(CharSequence text) {
    return text.length() == 0 ? XString.EMPTY : new XString(Utf8Repair.repair(text.toString()));
  }

  private static String integer(String s, int kind) throws ProtocolException {
    int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
    if (i == s.length() || s.length() - i > MAX_INTEGER_DIGITS) {
      throw invalid(kind);
    }
    for (; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        throw invalid(kind);
      }
    }
    return s;
  }

  private static XBoolean bool(String s) throws ProtocolException {
    if (s.equals("1") || s.equalsIgnoreCase("true")) {
      return XBoolean.TRUE;
    } else if (s.equals("0") || s.equalsIgnoreCase("false")) {
      return XBoolean.FALSE;
    }
    throw invalid(Tags.BOOLEAN);
  }

  /** A plain decimal with an optional exponent: no NaN, Infinity, hex floats or Java's d/f suffixes. */
  private static double decimal(String s) throws ProtocolException {
    int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
    int intDigits = skipDigits(s, i);
    int end = i + intDigits;
    int fracDigits = 0;
    if (end < s.length() && s.charAt(end) == '.') {
      fracDigits = skipDigits(s, end + 1);
      end += 1 + fracDigits;
    }
    if (intDigits + fracDigits == 0) {
      throw invalid(Tags.DOUBLE);
    }
    if (end < s.length() && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
      int e = end + 1;
      if (e < s.length() && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
        e++;
      }
      int expDigits = skipDigits(s, e);
      end = expDigits == 0 ? -1 : e + expDigits;
    }
    if (end != s.length()) {
      throw invalid(Tags.DOUBLE);
    }
    double d = Double.parseDouble(s);
    if (!Double.isFinite(d)) {
      throw invalid(Tags.DOUBLE);
    }
    return d;
  }

  private static int skipDigits(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  static String trim(StringBuilder text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  static boolean isSpace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
  }

  static ProtocolException invalid(int kind) {
    return new ProtocolException(FaultCode.INVALID_PARAMS, "invalid <" + Tags.name(kind) + "> value");
  }
}
