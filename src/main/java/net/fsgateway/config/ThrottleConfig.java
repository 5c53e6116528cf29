package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/**
 * Login throttling, counted in Redis so that every gateway pod sees the same counts. After
 * {@code slowAfterFailures} failures in {@code windowSeconds} a login is slowed; after {@code maxFailuresPerUser}
 * failures for one username, or {@code maxFailuresPerAddress} from one client address, logins are refused for
 * {@code lockoutSeconds}.
 */
public record ThrottleConfig(int slowAfterFailures, int maxFailuresPerUser, int maxFailuresPerAddress,
                             int windowSeconds, int lockoutSeconds) {

  public ThrottleConfig {
    require(slowAfterFailures >= 1, "throttle.slowAfterFailures must be >= 1");
    require(maxFailuresPerUser >= slowAfterFailures, "throttle.maxFailuresPerUser must be >= slowAfterFailures");
    require(maxFailuresPerAddress >= 1, "throttle.maxFailuresPerAddress must be >= 1");
    require(windowSeconds >= 1 && lockoutSeconds >= 1, "throttle windows must be >= 1 second");
  }

  static ThrottleConfig from(ConfigSource s) {
    return new ThrottleConfig(
        s.integer("throttle.slowAfterFailures", 3),
        s.integer("throttle.maxFailuresPerUser", 10),
        s.integer("throttle.maxFailuresPerAddress", 50),
        s.integer("throttle.windowSeconds", 900),
        s.integer("throttle.lockoutSeconds", 900));
  }
}
