package net.fsgateway.config;

/** Where the embedded PostgreSQL and Redis keep their data between runs. */
public record EmbeddedConfig(String dataDir, int pgPort, int redisPort) {
  static EmbeddedConfig from(ConfigSource s) {
    return new EmbeddedConfig(s.string("embedded.dataDir", "data"), s.integer("embedded.pgPort", 15432),
        s.integer("embedded.redisPort", 16379));
  }
}
