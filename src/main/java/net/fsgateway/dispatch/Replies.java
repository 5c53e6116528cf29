package net.fsgateway.dispatch;

import net.fsgateway.xmlrpc.XStruct;

/** Freeside's answer shape: a struct whose {@code error} member is '' on success, a message on failure. */
public final class Replies {
  private Replies() {
  }

  /** An application error: not a fault, just {@code {error: message}}. */
  public static XStruct error(String message) {
    return XStruct.builder().put("error", message).build();
  }

  /** A success struct builder with {@code error: ''} already in place. */
  public static XStruct.Builder ok() {
    return XStruct.builder().put("error", "");
  }
}
