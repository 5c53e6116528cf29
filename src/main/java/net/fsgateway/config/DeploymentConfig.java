package net.fsgateway.config;

/**
 * How the service verticles run. The design card deploys them as worker verticles; {@code eventLoop} deploys
 * them on event loops instead (their clients are all asynchronous), for measuring which serves better.
 */
public record DeploymentConfig(boolean workerServices, int serviceInstances) {
  static DeploymentConfig from(ConfigSource s) {
    return new DeploymentConfig(s.bool("deployment.workerServices", true), s.integer("deployment.serviceInstances", 2));
  }
}
