package net.fsgateway.config;

/** Every setting of the gateway, validated once at start-up. Sub-records go to the parts that need them. */
public record GatewayConfig(HttpConfig http, LimitsConfig limits, PgConfig pg, RedisConfig redis,
                            SessionConfig session, ThrottleConfig throttle, BillingConfig billing,
                            EmbeddedConfig embedded, DeploymentConfig deployment, PaymentsConfig payments) {

  static GatewayConfig from(ConfigSource s) {
    return new GatewayConfig(HttpConfig.from(s), LimitsConfig.from(s), PgConfig.from(s), RedisConfig.from(s),
        SessionConfig.from(s), ThrottleConfig.from(s), BillingConfig.from(s), EmbeddedConfig.from(s),
        DeploymentConfig.from(s), PaymentsConfig.from(s));
  }

  public GatewayConfig withPg(PgConfig pg) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, payments);
  }

  public GatewayConfig withRedis(RedisConfig redis) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, payments);
  }

  public GatewayConfig withThrottle(ThrottleConfig throttle) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, payments);
  }

  public GatewayConfig withLimits(LimitsConfig limits) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, payments);
  }

  public GatewayConfig withDeployment(DeploymentConfig deployment) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, payments);
  }

  public GatewayConfig withHttp(HttpConfig http) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, payments);
  }

  public GatewayConfig withPayments(PaymentsConfig payments) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, payments);
  }

  public GatewayConfig withBilling(BillingConfig billing) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, payments);
  }
}
