package net.fsgateway.config;

/**
 * How the service verticles run. The design card deploys them as worker verticles; their PostgreSQL and Redis
 * clients are asynchronous and every blocking step (password hashing) has its own worker pool, so they run on
 * event loops by default: measured on 2 cores, check_username served 9,313 req/s on event loops against 7,671 as
 * workers (README, Performance). {@code workerServices=true} restores the design card's deployment.
 */
public record DeploymentConfig(boolean workerServices, int serviceInstances, int eventLoops) {
  public DeploymentConfig {
    ConfigException.require(serviceInstances >= 1, "deployment.serviceInstances must be >= 1");
    ConfigException.require(eventLoops >= 0, "deployment.eventLoops must be >= 0");
  }

  /**
   * Event-loop threads: one per core by default, not Vert.x's two per core, since every hop between loops is a
   * thread wake-up (measured on 2 cores: 11,419–11,497 against 10,629–10,859 check_username req/s).
   */
  public int effectiveEventLoops() {
    return eventLoops == 0 ? Runtime.getRuntime().availableProcessors() : eventLoops;
  }

  static DeploymentConfig from(ConfigSource s) {
    return new DeploymentConfig(s.bool("deployment.workerServices", false), s.integer("deployment.serviceInstances", 2),
        s.integer("deployment.eventLoops", 0));
  }
}
