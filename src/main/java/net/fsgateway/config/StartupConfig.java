package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/**
 * How long start-up waits for an external PostgreSQL or Redis that does not answer yet, retrying with backoff,
 * before it gives up and exits non-zero. Exiting at once would make Kubernetes restart the pod with back-off of
 * up to five minutes, long after the backend came back.
 */
public record StartupConfig(int backendWaitSeconds) {
  public static final int DEFAULT_BACKEND_WAIT_SECONDS = 60;

  public StartupConfig {
    require(backendWaitSeconds >= 0, "startup.backendWaitSeconds must be >= 0");
  }

  static StartupConfig from(ConfigSource s) {
    return new StartupConfig(s.integer("startup.backendWaitSeconds", DEFAULT_BACKEND_WAIT_SECONDS));
  }
}
