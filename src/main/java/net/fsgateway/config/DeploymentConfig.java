package net.fsgateway.config;

import java.util.Locale;

/**
 * Where the services that own the methods run, and how many event loops there are.
 *
 * @param services         {@link Services#COLOCATED} (default), {@link Services#BUS} or {@link Services#WORKER}
 * @param serviceInstances instances of each service verticle with {@code bus} or {@code worker}
 * @param eventLoops       event-loop threads; 0 = one per core
 */
public record DeploymentConfig(Services services, int serviceInstances, int eventLoops) {
  /**
   * The design card sends every call over the event bus to worker verticles ({@code worker}). Their PostgreSQL and
   * Redis clients are asynchronous and every blocking step (password hashing) has its own worker pool, so they can
   * run on event loops ({@code bus}), or inside each HTTP verticle on its own event loop ({@code colocated}), where
   * a call never leaves the thread that read it. Measured on 2 cores (README, Performance): check_username served
   * 7,671 req/s with workers against 9,313 on event loops over the bus; co-located figures are in the README.
   */
  public enum Services {
    COLOCATED, BUS, WORKER;

    static Services parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("deployment.services must be colocated, bus or worker, not '" + text + "'");
      }
    }
  }

  public DeploymentConfig {
    ConfigException.require(services != null, "deployment.services is required");
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
    return new DeploymentConfig(Services.parse(s.string("deployment.services", "colocated")),
        s.integer("deployment.serviceInstances", 2), s.integer("deployment.eventLoops", 0));
  }
}
