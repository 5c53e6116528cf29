package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/** Redis. An empty {@code url} means "start the embedded Redis". */
public record RedisConfig(String url, int poolSize, int maxWaiting) {

  public RedisConfig {
    require(poolSize >= 1, "redis.poolSize must be >= 1");
    require(maxWaiting >= 0, "redis.maxWaiting must be >= 0");
  }

  static RedisConfig from(ConfigSource s) {
    return new RedisConfig(s.string("redis.url", ""), s.integer("redis.poolSize", 8), s.integer("redis.maxWaiting", 1024));
  }

  public boolean embedded() {
    return url.isBlank();
  }

  public RedisConfig withUrl(String url) {
    return new RedisConfig(url, poolSize, maxWaiting);
  }

  @Override
  public String toString() {
    return "RedisConfig[url=" + Redaction.url(url) + ", poolSize=" + poolSize + ", maxWaiting=" + maxWaiting + "]";
  }
}
