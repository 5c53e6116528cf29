package net.fsgateway.infra;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import net.fsgateway.config.RedisConfig;

/** Builds the Redis client with explicit pool bounds (the client's defaults are 6 connections, 24 waiting). */
public final class RedisClients {
  private RedisClients() {
  }

  public static RedisAPI create(Vertx vertx, RedisConfig redis) {
    RedisOptions options = new RedisOptions()
        .setConnectionString(redis.url())
        .setMaxPoolSize(redis.poolSize())
        .setMaxPoolWaiting(redis.maxWaiting())
        .setMaxWaitingHandlers(redis.maxWaiting() * 16);
    return RedisAPI.api(Redis.createClient(vertx, options));
  }

  /**
   * A client for the two long-lived connections of server-assisted invalidation (one reads, one is subscribed to
   * the invalidations). RESP2, so no push can arrive on the read connection.
   */
  public static Redis tracking(Vertx vertx, RedisConfig redis) {
    return Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(redis.url())
        .setPreferredProtocolVersion(ProtocolVersion.RESP2)
        .setMaxPoolSize(2)
        .setMaxPoolWaiting(redis.maxWaiting())
        .setMaxWaitingHandlers(redis.maxWaiting() * 16));
  }
}
