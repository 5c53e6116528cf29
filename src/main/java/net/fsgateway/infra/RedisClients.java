package net.fsgateway.infra;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;
import java.util.ArrayList;
import net.fsgateway.config.RedisConfig;

/** Builds the Redis client with explicit pool bounds (the client's defaults are 6 connections, 24 waiting). */
public final class RedisClients {
  private RedisClients() {
  }

  public static RedisAPI create(Vertx vertx, RedisConfig redis) {
    RedisOptions options = options(redis)
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
    return Redis.createClient(vertx, options(redis)
        .setPreferredProtocolVersion(ProtocolVersion.RESP2)
        .setMaxPoolSize(2)
        .setMaxPoolWaiting(redis.maxWaiting())
        .setMaxWaitingHandlers(redis.maxWaiting() * 16));
  }

  /**
   * The topology part: one server; the master the Sentinels name (asked again on every new connection, and on
   * their {@code +switch-master} with auto-failover, so a promoted replica is found without a restart); or a
   * cluster's masters (replicas never read, so a session written on a master is read back from it).
   */
  static RedisOptions options(RedisConfig redis) {
    RedisOptions options = new RedisOptions().setEndpoints(new ArrayList<>(redis.connectionStrings()));
    switch (redis.type()) {
      case STANDALONE -> options.setType(RedisClientType.STANDALONE);
      case SENTINEL -> options.setType(RedisClientType.SENTINEL).setMasterName(redis.masterName())
          .setRole(RedisRole.MASTER).setAutoFailover(true);
      case CLUSTER -> options.setType(RedisClientType.CLUSTER).setUseReplicas(RedisReplicas.NEVER);
    }
    if (!redis.password().isEmpty()) {
      options.setPassword(redis.password());
    }
    // For rediss:// the server's certificate must name the host the URL names (Vert.x requires a choice).
    NetClientOptions net = new NetClientOptions().setTcpNoDelay(true).setTcpKeepAlive(true)
        .setHostnameVerificationAlgorithm("HTTPS");
    if (!redis.tlsCaPath().isEmpty()) {
      net.setTrustOptions(new PemTrustOptions().addCertPath(redis.tlsCaPath()));
    }
    return options.setNetClientOptions(net);
  }
}
