package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Redis. With {@code type} {@code standalone} (the default) the gateway talks to {@code url}; an empty {@code url}
 * means "start the embedded Redis". With {@code sentinel} it asks the Sentinels in {@code endpoints} where the
 * master {@code masterName} is (and asks again after a failover); with {@code cluster} it learns the slots from the
 * seed nodes in {@code endpoints}. {@code password} (empty = none, or the one in each URL) is sent to every node;
 * a {@code rediss://} URL means TLS, checked against {@code tlsCaPath} (PEM; empty = the JVM's trust store).
 */
public record RedisConfig(String url, int poolSize, int maxWaiting,
                          Type type, List<String> endpoints, String masterName, String password, String tlsCaPath) {

  /** The Redis deployments the gateway can use. */
  public enum Type {
    STANDALONE, SENTINEL, CLUSTER;

    static Type parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("redis.type must be standalone, sentinel or cluster, not '" + text + "'");
      }
    }
  }

  public RedisConfig {
    require(poolSize >= 1, "redis.poolSize must be >= 1");
    require(maxWaiting >= 0, "redis.maxWaiting must be >= 0");
    require(type != null, "redis.type is required");
    endpoints = List.copyOf(endpoints);
    require(type == Type.STANDALONE || !endpoints.isEmpty(),
        "redis.endpoints must list the " + (type == Type.SENTINEL ? "Sentinels" : "cluster's seed nodes")
            + " (redis://host:port, comma-separated) when redis.type is " + type.name().toLowerCase(Locale.ROOT));
    require(type != Type.SENTINEL || !masterName.isBlank(), "redis.masterName is required when redis.type is sentinel");
    for (String endpoint : endpoints) {
      require(endpoint.startsWith("redis://") || endpoint.startsWith("rediss://"),
          "redis.endpoints: each must be a redis:// or rediss:// URL, not " + Redaction.url(endpoint));
    }
  }

  /** The standalone settings of the first version (tests, embedded Redis). */
  public RedisConfig(String url, int poolSize, int maxWaiting) {
    this(url, poolSize, maxWaiting, Type.STANDALONE, List.of(), "", "", "");
  }

  static RedisConfig from(ConfigSource s) {
    List<String> endpoints = Arrays.stream(s.string("redis.endpoints", "").split(","))
        .map(String::trim).filter(e -> !e.isEmpty()).toList();
    return new RedisConfig(s.string("redis.url", ""), s.integer("redis.poolSize", 8), s.integer("redis.maxWaiting", 1024),
        Type.parse(s.string("redis.type", "standalone")), endpoints, s.string("redis.masterName", "mymaster"),
        s.string("redis.password", ""), s.string("redis.tlsCaPath", ""));
  }

  public boolean embedded() {
    return type == Type.STANDALONE && url.isBlank();
  }

  /** The URLs the client is given: {@code url} for standalone, the Sentinels or seed nodes otherwise. */
  public List<String> connectionStrings() {
    return type == Type.STANDALONE ? List.of(url) : endpoints;
  }

  public RedisConfig withUrl(String url) {
    return new RedisConfig(url, poolSize, maxWaiting, type, endpoints, masterName, password, tlsCaPath);
  }

  @Override
  public String toString() {
    return "RedisConfig[type=" + type + ", url=" + Redaction.url(url) + ", endpoints="
        + endpoints.stream().map(Redaction::url).toList() + ", masterName=" + masterName + ", password="
        + (password.isEmpty() ? "" : "***") + ", poolSize=" + poolSize + ", maxWaiting=" + maxWaiting + "]";
  }
}
