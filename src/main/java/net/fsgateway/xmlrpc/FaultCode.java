package net.fsgateway.xmlrpc;

/** The XML-RPC interoperability fault codes (specs.xmlrpc.com "faults_interop"). Faults are for protocol errors only. */
public enum FaultCode {
  PARSE_ERROR(-32700),
  UNSUPPORTED_ENCODING(-32701),
  INVALID_REQUEST(-32600),
  METHOD_NOT_FOUND(-32601),
  INVALID_PARAMS(-32602),
  INTERNAL_ERROR(-32603),
  /** The server is overloaded or a call timed out inside it; retrying later may succeed. */
  SERVER_BUSY(-32000),
  /** A backing store (PostgreSQL, Redis) could not be reached. */
  BACKEND_UNAVAILABLE(-32001);

  private final int code;

  FaultCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
