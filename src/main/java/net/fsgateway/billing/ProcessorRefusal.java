package net.fsgateway.billing;

/** The processor answered but refused a capture or a void; its reason text, never card data. */
public final class ProcessorRefusal extends RuntimeException {
  public ProcessorRefusal(String message) {
    super(message, null, false, false);
  }
}
