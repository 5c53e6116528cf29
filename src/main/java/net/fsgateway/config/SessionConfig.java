package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/**
 * Reseller sessions and the agent-password hash cost.
 *
 * @param cacheEntries sessions each service instance remembers, kept true by Redis invalidation (0 = none)
 */
public record SessionConfig(int ttlSeconds, int hashWorkers, int cacheEntries) {
  public static final int DEFAULT_TTL_SECONDS = 3600;

  public SessionConfig {
    require(ttlSeconds >= 60, "session.ttlSeconds must be >= 60");
    require(hashWorkers >= 1, "session.hashWorkers must be >= 1");
    require(cacheEntries >= 0, "session.cacheEntries must be >= 0");
  }

  static SessionConfig from(ConfigSource s) {
    return new SessionConfig(s.integer("session.ttlSeconds", DEFAULT_TTL_SECONDS), s.integer("session.hashWorkers", 2),
        s.integer("session.cacheEntries", 100_000));
  }
}
