package net.fsgateway.config;

/** Every setting of the gateway, validated once at start-up. Sub-records go to the parts that need them. */
public record GatewayConfig(HttpConfig http, LimitsConfig limits, PgConfig pg, RedisConfig redis,
                            SessionConfig session, ThrottleConfig throttle, BillingConfig billing,
                            EmbeddedConfig embedded, DeploymentConfig deployment, CompatConfig compat,
                            SignupConfig signup, ManagementConfig management, ShutdownConfig shutdown,
                            MetricsConfig metrics, LogConfig log, StartupConfig startup, DeadlinesConfig deadlines,
                            PaymentsConfig payments) {

  public GatewayConfig {
    deadlines.checkWithin(limits.callTimeoutMs());
  }

  static GatewayConfig from(ConfigSource s) {
    return new GatewayConfig(HttpConfig.from(s), LimitsConfig.from(s), PgConfig.from(s), RedisConfig.from(s),
        SessionConfig.from(s), ThrottleConfig.from(s), BillingConfig.from(s), EmbeddedConfig.from(s),
        DeploymentConfig.from(s), CompatConfig.from(s), SignupConfig.from(s), ManagementConfig.from(s),
        ShutdownConfig.from(s), MetricsConfig.from(s), LogConfig.from(s), StartupConfig.from(s),
        DeadlinesConfig.from(s), PaymentsConfig.from(s));
  }

  public GatewayConfig withHttp(HttpConfig http) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }

  public GatewayConfig withLimits(LimitsConfig limits) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }

  public GatewayConfig withPg(PgConfig pg) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }

  public GatewayConfig withRedis(RedisConfig redis) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }

  public GatewayConfig withThrottle(ThrottleConfig throttle) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }

  public GatewayConfig withBilling(BillingConfig billing) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }

  public GatewayConfig withDeployment(DeploymentConfig deployment) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }

  public GatewayConfig withCompat(CompatConfig compat) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }

  public GatewayConfig withSignup(SignupConfig signup) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }

  public GatewayConfig withManagement(ManagementConfig management) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }

  public GatewayConfig withDeadlines(DeadlinesConfig deadlines) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }

  public GatewayConfig withPayments(PaymentsConfig payments) {
    return new GatewayConfig(http, limits, pg, redis, session, throttle, billing, embedded, deployment, compat,
        signup, management, shutdown, metrics, log, startup, deadlines, payments);
  }
}
