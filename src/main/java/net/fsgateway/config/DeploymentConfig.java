package net.fsgateway.config;

/**
 * How the service verticles run. The design card deploys them as worker verticles; their PostgreSQL and Redis
 * clients are asynchronous and every blocking step (password hashing) has its own worker pool, so they run on
 * event loops by default: measured on 2 cores, check_username served 9,313 req/s on event loops against 7,671 as
 * workers (README, Performance). {@code workerServices=true} restores the design card's deployment.
 */
public record DeploymentConfig(boolean workerServices, int serviceInstances) {
  public DeploymentConfig {
    ConfigException.require(serviceInstances >= 1, "deployment.serviceInstances must be >= 1");
  }

  static DeploymentConfig from(ConfigSource s) {
    return new DeploymentConfig(s.bool("deployment.workerServices", false), s.integer("deployment.serviceInstances", 2));
  }
}
