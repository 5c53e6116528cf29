package net.fsgateway.xmlrpc;

/** The XML-RPC interoperability fault codes (specs.xmlrpc.com "faults_interop"). Faults are for protocol errors only. */
public enum FaultCode {
  PARSE_ERROR(-32700),
  UNSUPPORTED_ENCODING(-32701),
  INVALID_REQUEST(-32600),
  METHOD_NOT_FOUND(-32601),
  INVALID_PARAMS(-32602),
  INTERNAL_ERROR(-32603),
  /**
   * The server is overloaded (a call shed, a reseller over its limit, a pool full) or a call or backend deadline
   * ran out; retrying later may succeed. -32000 in versions before the reliability work; -32000 is no longer sent.
   */
  SERVER_BUSY(-32003),
  /** A backing store (PostgreSQL, Redis) refused, dropped the connection, is shutting down or not ready. */
  BACKEND_UNAVAILABLE(-32001);

  private final int code;

  FaultCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
