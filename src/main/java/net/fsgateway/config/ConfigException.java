package net.fsgateway.config;

/** A setting is missing or invalid: the gateway refuses to start and says which one. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message, null, false, false);
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new ConfigException(message);
    }
  }
}
