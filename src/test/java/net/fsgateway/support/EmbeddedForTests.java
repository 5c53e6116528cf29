package net.fsgateway.support;

import net.fsgateway.config.PgConfig;
import net.fsgateway.config.RedisConfig;

/** Embedded PostgreSQL and Redis for machines that run neither. */
final class EmbeddedForTests {
  private EmbeddedForTests() {
  }

  static PgConfig pg() {
    throw new UnsupportedOperationException("embedded PostgreSQL fallback: not wired yet");
  }

  static RedisConfig redis() {
    throw new UnsupportedOperationException("embedded Redis fallback: not wired yet");
  }
}
