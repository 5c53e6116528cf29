package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/**
 * What SIGTERM does. For {@code drainDelaySeconds} the gateway keeps serving while readiness answers 503 (the
 * Service's endpoints take a few seconds to drop the pod), then it stops accepting, lets calls in flight finish and
 * exits; at {@code graceSeconds} after the signal it exits non-zero whatever is left. Kubernetes'
 * {@code terminationGracePeriodSeconds} must be longer than {@code graceSeconds}.
 */
public record ShutdownConfig(int drainDelaySeconds, int graceSeconds) {
  public static final int DEFAULT_DRAIN_DELAY_SECONDS = 5;
  public static final int DEFAULT_GRACE_SECONDS = 20;

  public ShutdownConfig {
    require(drainDelaySeconds >= 0, "shutdown.drainDelaySeconds must be >= 0");
    require(graceSeconds > drainDelaySeconds, "shutdown.graceSeconds must be more than shutdown.drainDelaySeconds");
  }

  static ShutdownConfig from(ConfigSource s) {
    return new ShutdownConfig(s.integer("shutdown.drainDelaySeconds", DEFAULT_DRAIN_DELAY_SECONDS),
        s.integer("shutdown.graceSeconds", DEFAULT_GRACE_SECONDS));
  }
}
