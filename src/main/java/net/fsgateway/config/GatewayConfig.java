package net.fsgateway.config;

/** Every setting of the gateway, validated once at start-up. Sub-records go to the parts that need them. */
public record GatewayConfig(HttpConfig http, LimitsConfig limits, PgConfig pg, RedisConfig redis,
                            SessionConfig session, ThrottleConfig throttle, BillingConfig billing,
                            EmbeddedConfig embedded, DeploymentConfig deployment, CompatConfig compat,
                            SignupConfig signup) {

  static GatewayConfig from(ConfigSource s) {
    return new GatewayConfig(HttpConfig.from(s), LimitsConfig.from(s), PgConfig.from(s), RedisConfig.from(s),
        SessionConfig.from(s), ThrottleConfig.from(s), BillingConfig.from(s), EmbeddedConfig.from(s),
        DeploymentConfig.from(s), CompatConfig.from(s), SignupConfig.from(s));
  }

  public GatewayConfig withPg(PgConfig pg) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat, signup);
  }

  public GatewayConfig withRedis(RedisConfig redis) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat, signup);
  }

  public GatewayConfig withThrottle(ThrottleConfig throttle) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat, signup);
  }

  public GatewayConfig withLimits(LimitsConfig limits) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat, signup);
  }

  public GatewayConfig withDeployment(DeploymentConfig deployment) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat, signup);
  }

  public GatewayConfig withHttp(HttpConfig http) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat, signup);
  }

  public GatewayConfig withCompat(CompatConfig compat) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat, signup);
  }

  public GatewayConfig withSignup(SignupConfig signup) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat, signup);
  }
}
