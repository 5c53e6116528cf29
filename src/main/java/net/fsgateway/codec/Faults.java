package net.fsgateway.codec;

import net.fsgateway.xmlrpc.FaultCode;

/** The decoders' client-safe error messages, in one place. Client-chosen names are cut short before echoing. */
final class Faults {
  private static final int MAX_ECHOED_NAME = 40;

  private Faults() {
  }

  static ProtocolException invalid(String message) {
    return new ProtocolException(FaultCode.INVALID_REQUEST, message);
  }

  static ProtocolException unexpected(String localName, int parentTag) {
    String name = localName.length() > MAX_ECHOED_NAME ? localName.substring(0, MAX_ECHOED_NAME) + "..." : localName;
    return parentTag == Tags.UNKNOWN
        ? invalid("unexpected root element <" + name + ">")
        : invalid("unexpected <" + name + "> in <" + Tags.name(parentTag) + ">");
  }

  static ProtocolException parse(String message) {
    return new ProtocolException(FaultCode.PARSE_ERROR, message);
  }

  static void requireBlank(char[] chars, int start, int length, int tag) throws ProtocolException {
    for (int i = start, end = start + length; i < end; i++) {
      if (!ScalarText.isSpace(chars[i])) {
        throw invalid("unexpected text in <" + Tags.name(tag) + ">");
      }
    }
  }
}
