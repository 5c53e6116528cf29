package net.fsgateway.dispatch;

/** Every event-bus address of the gateway. One address per method, owned by exactly one verticle. */
public final class Addresses {
  private static final String METHOD_PREFIX = "fsgw.method.";

  private Addresses() {
  }

  public static String method(String canonicalName) {
    return METHOD_PREFIX + canonicalName;
  }
}
