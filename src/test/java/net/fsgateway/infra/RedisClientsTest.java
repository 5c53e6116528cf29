package net.fsgateway.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;
import java.nio.file.Path;
import java.util.Map;
import net.fsgateway.config.ConfigException;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.RedisConfig;
import org.junit.jupiter.api.Test;

class RedisClientsTest {

  private static RedisConfig redis(Map<String, String> env) {
    return ConfigLoader.load(Path.of("does-not-exist.json"), env).redis();
  }

  @Test
  void standaloneTalksToTheUrl() {
    RedisOptions options = RedisClients.options(redis(Map.of("GW_REDIS_URL", "redis://10.0.0.5:6380")));
    assertThat(options.getType()).isEqualTo(RedisClientType.STANDALONE);
    assertThat(options.getEndpoints()).containsExactly("redis://10.0.0.5:6380");
  }

  @Test
  void sentinelAsksEverySentinelForTheNamedMaster() {
    RedisConfig config = redis(Map.of("GW_REDIS_TYPE", "sentinel", "GW_REDIS_MASTER_NAME", "fsgw",
        "GW_REDIS_ENDPOINTS", "redis://s1:26379, redis://s2:26379,redis://s3:26379", "GW_REDIS_PASSWORD", "s3cret"));
    RedisOptions options = RedisClients.options(config);
    assertThat(options.getType()).isEqualTo(RedisClientType.SENTINEL);
    assertThat(options.getEndpoints()).containsExactly("redis://s1:26379", "redis://s2:26379", "redis://s3:26379");
    assertThat(options.getMasterName()).isEqualTo("fsgw");
    assertThat(options.getRole()).isEqualTo(RedisRole.MASTER);
    assertThat(options.getPassword()).isEqualTo("s3cret");
    assertThat(config.embedded()).isFalse();
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void clusterNeverReadsFromReplicas() {
    RedisOptions options = RedisClients.options(redis(Map.of("GW_REDIS_TYPE", "cluster",
        "GW_REDIS_ENDPOINTS", "rediss://:pw@n1:6379,rediss://:pw@n2:6379")));
    assertThat(options.getType()).isEqualTo(RedisClientType.CLUSTER);
    assertThat(options.getUseReplicas()).isEqualTo(RedisReplicas.NEVER);
    assertThat(options.getEndpoints()).hasSize(2);
  }

  @Test
  void sentinelAndClusterNeedEndpointsAndStandaloneWithoutUrlIsEmbedded() {
    assertThatThrownBy(() -> redis(Map.of("GW_REDIS_TYPE", "cluster"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("redis.endpoints");
    assertThatThrownBy(() -> redis(Map.of("GW_REDIS_TYPE", "sentinel", "GW_REDIS_ENDPOINTS", "s1:26379")))
        .hasMessageContaining("redis:// or rediss://");
    assertThatThrownBy(() -> redis(Map.of("GW_REDIS_TYPE", "sentinel", "GW_REDIS_MASTER_NAME", " ",
        "GW_REDIS_ENDPOINTS", "redis://s1:26379"))).hasMessageContaining("redis.masterName");
    assertThatThrownBy(() -> redis(Map.of("GW_REDIS_TYPE", "replication"))).hasMessageContaining("redis.type");
    assertThat(redis(Map.of()).embedded()).isTrue();
  }
}
