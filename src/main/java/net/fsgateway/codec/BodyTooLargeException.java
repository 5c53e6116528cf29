package net.fsgateway.codec;

import net.fsgateway.xmlrpc.FaultCode;

/** The body grew past {@link CodecLimits#maxBodyBytes()}: HTTP answers 413 and closes the connection. */
public final class BodyTooLargeException extends ProtocolException {
  private final long limit;

  public BodyTooLargeException(long limit) {
    super(FaultCode.INVALID_REQUEST, "request body exceeds " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
