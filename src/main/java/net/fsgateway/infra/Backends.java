package net.fsgateway.infra;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.PgConfig;
import net.fsgateway.config.Redaction;
import net.fsgateway.config.RedisConfig;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings up PostgreSQL and Redis before anything else runs: the embedded ones when none is configured (data kept
 * under {@code embedded.dataDir} across restarts), otherwise a reachability check of the configured ones, then the
 * schema migrations. Blocking; call it from {@code main}, never from an event loop.
 */
public final class Backends {
  private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

  private Backends() {
  }

  /** Starts or checks both backends and migrates the schema; fails fast with a message naming the culprit. */
  public static StartedBackends start(GatewayConfig cfg) {
    return start(cfg, true);
  }

  /** PostgreSQL only (started or checked, then migrated): for the admin command line, which needs no Redis. */
  public static StartedBackends startDatabase(GatewayConfig cfg) {
    return start(cfg, false);
  }

  private static StartedBackends start(GatewayConfig cfg, boolean withRedis) {
    List<AutoCloseable> owned = new ArrayList<>();
    try {
      Path dataDir = Path.of(cfg.embedded().dataDir()).toAbsolutePath().normalize();
      GatewayConfig resolved = cfg;
      boolean fresh = false;
      if (cfg.pg().embedded()) {
        EmbeddedBinaries.requirePostgres();
        int port = cfg.embedded().pgPort();
        requireFree(port, "embedded.pgPort", "PostgreSQL");
        EmbeddedPg pg = EmbeddedPg.start(dataDir.resolve("postgres"), port, true);
        owned.add(pg);
        fresh = pg.ensureDatabase(cfg.pg().database());
        resolved = resolved.withPg(pg.config(cfg.pg(), cfg.pg().database()));
        LOG.info("PostgreSQL: embedded at 127.0.0.1:{}/{}, data in {}{}", port, cfg.pg().database(),
            dataDir.resolve("postgres"), fresh ? " (new database)" : "");
      } else {
        PgConfig pg = cfg.pg();
        requireReachable(pg.host(), pg.port(), pg.connectTimeoutMs(), "PostgreSQL", "pg.host/pg.port");
        LOG.info("PostgreSQL: external at {}:{}/{} as {}", pg.host(), pg.port(), pg.database(), pg.user());
      }
      if (withRedis) {
        resolved = redis(resolved, dataDir, owned);
      }
      migrate(resolved.pg());
      return new StartedBackends(resolved, fresh, owned);
    } catch (RuntimeException e) {
      new StartedBackends(cfg, false, owned).close();
      throw e;
    }
  }

  private static GatewayConfig redis(GatewayConfig cfg, Path dataDir, List<AutoCloseable> owned) {
    if (cfg.redis().embedded()) {
      EmbeddedBinaries.requireRedis();
      int port = cfg.embedded().redisPort();
      requireFree(port, "embedded.redisPort", "Redis");
      EmbeddedRedis redis = EmbeddedRedis.start(dataDir.resolve("redis"), port, true);
      owned.add(redis);
      LOG.info("Redis: embedded at 127.0.0.1:{}, data in {}", port, dataDir.resolve("redis"));
      return cfg.withRedis(cfg.redis().withUrl(redis.url()));
    }
    RedisConfig redis = cfg.redis();
    if (redis.type() != RedisConfig.Type.STANDALONE) {
      requireOneReachable(redis, cfg.pg().connectTimeoutMs());
      LOG.info("Redis: {} {}{}", redis.type().name().toLowerCase(java.util.Locale.ROOT),
          redis.endpoints().stream().map(Redaction::url).toList(),
          redis.type() == RedisConfig.Type.SENTINEL ? ", master " + redis.masterName() : "");
      return cfg;
    }
    URI uri = parseRedisUrl(redis.url());
    requireReachable(uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort(), cfg.pg().connectTimeoutMs(),
        "Redis", "redis.url");
    LOG.info("Redis: external at {}", Redaction.url(redis.url()));
    return cfg;
  }

  private static void migrate(PgConfig pg) {
    try {
      int applied = Migrations.migrate(pg).migrationsExecuted;
      LOG.info("Schema: {} migration(s) applied to {}", applied, pg.database());
    } catch (FlywayException e) {
      throw new BackendUnavailableException("schema migration failed on " + pg.host() + ":" + pg.port() + "/"
          + pg.database() + ": " + e.getMessage(), e);
    }
  }

  private static void requireFree(int port, String key, String what) {
    if (FreePorts.answers("127.0.0.1", port, 300)) {
      throw new BackendUnavailableException("cannot start the embedded " + what + ": port " + port + " (" + key
          + ") is already in use — is another gateway running on the same data directory?");
    }
  }

  private static void requireReachable(String host, int port, int timeoutMs, String what, String key) {
    if (!FreePorts.answers(host, port, timeoutMs)) {
      throw new BackendUnavailableException(what + " at " + host + ":" + port + " does not answer (check " + key
          + ", or leave it empty to use the embedded " + what + ")");
    }
  }

  /** One Sentinel or seed node answering is enough: the client asks it for the rest. */
  private static void requireOneReachable(RedisConfig redis, int timeoutMs) {
    for (String endpoint : redis.endpoints()) {
      URI uri = parseRedisUrl(endpoint);
      if (FreePorts.answers(uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort(), timeoutMs)) {
        return;
      }
    }
    throw new BackendUnavailableException("Redis: none of redis.endpoints answers: "
        + redis.endpoints().stream().map(Redaction::url).toList());
  }

  private static URI parseRedisUrl(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      // No cause: the parser's message would quote the whole URL, password included.
      throw new BackendUnavailableException("redis.url is not a redis://host:port URL: " + Redaction.url(url));
    }
  }

}
