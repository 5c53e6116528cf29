package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/**
 * How long a call waits for each backend before it answers a retryable fault: a Redis command, a PostgreSQL
 * statement (sent to the server as {@code statement_timeout}; the client stops waiting a quarter of that later,
 * for a server that does not answer at all: 700 ms → 875 ms), and a connection from the PostgreSQL pool. Each must be
 * shorter than {@code limits.callTimeoutMs}, checked in {@link GatewayConfig}.
 */
public record DeadlinesConfig(int redisCommandMs, int pgQueryMs, int pgPoolWaitMs) {
  public DeadlinesConfig {
    require(redisCommandMs >= 10, "deadlines.redisCommandMs must be >= 10");
    require(pgQueryMs >= 10, "deadlines.pgQueryMs must be >= 10");
    require(pgPoolWaitMs >= 10, "deadlines.pgPoolWaitMs must be >= 10");
  }

  static DeadlinesConfig from(ConfigSource s) {
    return new DeadlinesConfig(
        s.integer("deadlines.redisCommandMs", 500),
        s.integer("deadlines.pgQueryMs", 700),
        s.integer("deadlines.pgPoolWaitMs", 500));
  }

  /** How long the client waits for a statement's answer: a little longer, so the server's own cancel wins. */
  public int pgClientMs() {
    return pgQueryMs + pgQueryMs / 4;
  }

  void checkWithin(int callTimeoutMs) {
    require(redisCommandMs < callTimeoutMs, "deadlines.redisCommandMs must be < limits.callTimeoutMs");
    require(pgClientMs() < callTimeoutMs, "deadlines.pgQueryMs × 1.25 must be < limits.callTimeoutMs");
    require(pgPoolWaitMs < callTimeoutMs, "deadlines.pgPoolWaitMs must be < limits.callTimeoutMs");
  }
}
