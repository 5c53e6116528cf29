package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

import java.net.URI;

/**
 * Real payments: the Authorize.Net processor ({@code billing.authorizenet.*}), the payment journal's sweeper
 * ({@code billing.journal.*}) and the processor's circuit breaker ({@code billing.breaker.*}).
 *
 * @param endpoint               the JSON API URL (sandbox by default; production is
 *                               {@code https://api.authorize.net/xml/v1/request.api})
 * @param apiLoginId             the merchant's API login id (required with {@code billing.processor=authorizenet})
 * @param transactionKey         the merchant's transaction key: a secret, never logged
 * @param duplicateWindowSeconds Authorize.Net's duplicate-transaction window sent with each authorization
 * @param approveHeldForReview   whether responseCode 4 (held for review) counts as approved; declined otherwise
 * @param maxConnections         the HTTP connection pool's bound towards the processor
 * @param sweepIntervalSeconds   how often the sweeper settles unfinished attempts (also once at start-up)
 * @param sweepAfterSeconds      how long an attempt must have been untouched before the sweeper takes it over
 * @param breakerMaxFailures     processor failures (timeouts, 5xx, broken answers) in a row that open the breaker
 * @param breakerResetMs         how long the breaker stays open before it lets one call try again
 */
public record PaymentsConfig(String endpoint, String apiLoginId, String transactionKey, int duplicateWindowSeconds,
                             boolean approveHeldForReview, int maxConnections, int sweepIntervalSeconds,
                             int sweepAfterSeconds, int breakerMaxFailures, int breakerResetMs) {
  public static final String SANDBOX = "https://apitest.authorize.net/xml/v1/request.api";

  public PaymentsConfig {
    require(endpoint.startsWith("https://") || endpoint.startsWith("http://"),
        "billing.authorizenet.endpoint must be an http(s) URL");
    require(URI.create(endpoint).getHost() != null, "billing.authorizenet.endpoint must name a host");
    require(duplicateWindowSeconds >= 0 && duplicateWindowSeconds <= 28_800,
        "billing.authorizenet.duplicateWindowSeconds must be 0..28800");
    require(maxConnections >= 1 && maxConnections <= 1000, "billing.authorizenet.maxConnections must be 1..1000");
    require(sweepIntervalSeconds >= 1, "billing.journal.sweepIntervalSeconds must be >= 1");
    require(sweepAfterSeconds >= 60, "billing.journal.sweepAfterSeconds must be >= 60 (longer than a signup can"
        + " take: new_customer's call timeout is 30 s)");
    require(breakerMaxFailures >= 1, "billing.breaker.maxFailures must be >= 1");
    require(breakerResetMs >= 100, "billing.breaker.resetMs must be >= 100");
  }

  static PaymentsConfig from(ConfigSource s) {
    PaymentsConfig config = new PaymentsConfig(
        s.string("billing.authorizenet.endpoint", SANDBOX),
        s.string("billing.authorizenet.apiLoginId", ""),
        s.string("billing.authorizenet.transactionKey", ""),
        s.integer("billing.authorizenet.duplicateWindowSeconds", 0),
        s.bool("billing.authorizenet.approveHeldForReview", false),
        s.integer("billing.authorizenet.maxConnections", 16),
        s.integer("billing.journal.sweepIntervalSeconds", 60),
        s.integer("billing.journal.sweepAfterSeconds", 120),
        s.integer("billing.breaker.maxFailures", 5),
        s.integer("billing.breaker.resetMs", 10_000));
    if ("authorizenet".equals(s.string("billing.processor", "test"))) {
      require(!config.apiLoginId.isBlank() && !config.transactionKey.isBlank(), "billing.processor=authorizenet"
          + " needs billing.authorizenet.apiLoginId and billing.authorizenet.transactionKey"
          + " (GW_BILLING_AUTHORIZENET_API_LOGIN_ID, GW_BILLING_AUTHORIZENET_TRANSACTION_KEY)");
    }
    return config;
  }

  public PaymentsConfig withAuthorizeNet(String endpoint, String apiLoginId, String transactionKey) {
    return new PaymentsConfig(endpoint, apiLoginId, transactionKey, duplicateWindowSeconds, approveHeldForReview,
        maxConnections, sweepIntervalSeconds, sweepAfterSeconds, breakerMaxFailures, breakerResetMs);
  }

  public PaymentsConfig withDuplicateWindow(int seconds) {
    return new PaymentsConfig(endpoint, apiLoginId, transactionKey, seconds, approveHeldForReview,
        maxConnections, sweepIntervalSeconds, sweepAfterSeconds, breakerMaxFailures, breakerResetMs);
  }

  public PaymentsConfig withBreaker(int maxFailures, int resetMs) {
    return new PaymentsConfig(endpoint, apiLoginId, transactionKey, duplicateWindowSeconds, approveHeldForReview,
        maxConnections, sweepIntervalSeconds, sweepAfterSeconds, maxFailures, resetMs);
  }

  public PaymentsConfig withSweep(int intervalSeconds, int afterSeconds) {
    return new PaymentsConfig(endpoint, apiLoginId, transactionKey, duplicateWindowSeconds, approveHeldForReview,
        maxConnections, intervalSeconds, afterSeconds, breakerMaxFailures, breakerResetMs);
  }

  @Override
  public String toString() {
    return "PaymentsConfig[endpoint=" + Redaction.url(endpoint) + ", apiLoginId=" + apiLoginId + ", transactionKey="
        + Redaction.secret(transactionKey) + ", duplicateWindowSeconds=" + duplicateWindowSeconds
        + ", approveHeldForReview=" + approveHeldForReview + ", maxConnections=" + maxConnections
        + ", sweepIntervalSeconds=" + sweepIntervalSeconds + ", sweepAfterSeconds=" + sweepAfterSeconds
        + ", breakerMaxFailures=" + breakerMaxFailures + ", breakerResetMs=" + breakerResetMs + "]";
  }
}
