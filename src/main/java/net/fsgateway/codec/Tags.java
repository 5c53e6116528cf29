package net.fsgateway.codec;

/**
 * The XML-RPC element names as small ints, so the state machine compares ints, not strings. Elements are matched
 * by local name, which also admits Apache's {@code ex:nil} and {@code ex:i8} extensions.
 */
final class Tags {
  static final int UNKNOWN = 0;
  static final int METHOD_CALL = 1;
  static final int METHOD_RESPONSE = 2;
  static final int METHOD_NAME = 3;
  static final int PARAMS = 4;
  static final int PARAM = 5;
  static final int FAULT = 6;
  static final int VALUE = 7;
  static final int STRUCT = 8;
  static final int MEMBER = 9;
  static final int NAME = 10;
  static final int ARRAY = 11;
  static final int DATA = 12;
  static final int STRING = 13;
  static final int I4 = 14;
  static final int INT = 15;
  static final int I8 = 16;
  static final int BOOLEAN = 17;
  static final int DOUBLE = 18;
  static final int DATETIME = 19;
  static final int BASE64 = 20;
  static final int NIL = 21;

  private static final String[] NAMES = {"?", "methodCall", "methodResponse", "methodName", "params", "param",
      "fault", "value", "struct", "member", "name", "array", "data", "string", "i4", "int", "i8", "boolean",
      "double", "dateTime.iso8601", "base64", "nil"};

  private Tags() {
  }

  static int of(String localName) {
    switch (localName) {
      case "methodCall": return METHOD_CALL;
      case "methodResponse": return METHOD_RESPONSE;
      case "methodName": return METHOD_NAME;
      case "params": return PARAMS;
      case "param": return PARAM;
      case "fault": return FAULT;
      case "value": return VALUE;
      case "struct": return STRUCT;
      case "member": return MEMBER;
      case "name": return NAME;
      case "array": return ARRAY;
      case "data": return DATA;
      case "string": return STRING;
      case "i4": return I4;
      case "int": return INT;
      case "i8": return I8;
      case "boolean": return BOOLEAN;
      case "double": return DOUBLE;
      case "dateTime.iso8601": return DATETIME;
      case "base64": return BASE64;
      case "nil": return NIL;
      default: return UNKNOWN;
    }
  }

  static String name(int tag) {
    return NAMES[tag];
  }

  static boolean isScalar(int tag) {
    return tag >= STRING;
  }
}
