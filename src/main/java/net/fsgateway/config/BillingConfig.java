package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

import java.util.List;

/**
 * Signups and payments. {@code cardKey} is a base64 AES-256 key for payinfo encryption; empty means the embedded
 * default (a key generated once and kept beside the embedded data). {@code servicePasswordScheme} is how a
 * customer's service-account password is stored ({@code ssha512} by default; {@code servicePasswordRounds} is for
 * {@code sha512-crypt}).
 */
public record BillingConfig(String processor, int processorTimeoutMs, String cardKey,
                            String servicePasswordScheme, int servicePasswordRounds) {

  public BillingConfig {
    require(processorTimeoutMs >= 100, "billing.processorTimeoutMs must be >= 100");
    require(servicePasswordRounds >= 1000, "billing.servicePasswordRounds must be >= 1000");
    require(List.of("test", "authorizenet").contains(processor), "billing.processor must be 'test' (the built-in"
        + " test processor) or 'authorizenet' (Authorize.Net, billing.authorizenet.*)");
    require(List.of("ssha512", "sha512-crypt", "ssha").contains(servicePasswordScheme),
        "billing.servicePasswordScheme must be ssha512, sha512-crypt or ssha");
    require(processorTimeoutMs <= 20_000, "billing.processorTimeoutMs must be <= 20000 (new_customer's call"
        + " timeout is 30 s)");
  }

  static BillingConfig from(ConfigSource s) {
    return new BillingConfig(
        s.string("billing.processor", "test"),
        s.integer("billing.processorTimeoutMs", 5000),
        s.string("billing.cardKey", ""),
        s.string("billing.servicePasswordScheme", "ssha512"),
        s.integer("billing.servicePasswordRounds", 5000));
  }

  @Override
  public String toString() {
    return "BillingConfig[processor=" + processor + ", processorTimeoutMs=" + processorTimeoutMs + ", cardKey="
        + (cardKey.isEmpty() ? "(embedded)" : "***") + ", servicePasswordScheme=" + servicePasswordScheme
        + ", servicePasswordRounds=" + servicePasswordRounds + "]";
  }
}
