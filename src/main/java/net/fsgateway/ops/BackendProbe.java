package net.fsgateway.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.List;
import java.util.function.Supplier;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.infra.PgPools;

/**
 * A cheap round trip to each backend every {@value #INTERVAL_MS} ms (PostgreSQL {@code SELECT 1}, Redis
 * {@code PING}) on connections of its own, so {@code /health} and the metrics show each backend's state and
 * latency without touching the pools that serve calls. It informs; it never takes the pod out of service.
 */
final class BackendProbe {
  static final long INTERVAL_MS = 5_000;
  private static final long TIMEOUT_MS = 2_000;

  private final Vertx vertx;
  private final Pool pg;
  private final Redis redisClient;
  private final RedisAPI redis;
  private final ProbeResult postgres = new ProbeResult("postgresql");
  private final ProbeResult redisResult = new ProbeResult("redis");
  private long timer = -1;

  BackendProbe(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.pg = PgBuilder.pool().with(new PoolOptions().setMaxSize(1).setMaxWaitQueueSize(1))
        .connectingTo(PgPools.connectOptions(config.pg())).using(vertx).build();
    this.redisClient = Redis.createClient(vertx, new RedisOptions().setConnectionString(config.redis().url())
        .setMaxPoolSize(1).setMaxPoolWaiting(1));
    this.redis = RedisAPI.api(redisClient);
  }

  void start() {
    probe();
    timer = vertx.setPeriodic(INTERVAL_MS, ignored -> probe());
  }

  Future<Void> close() {
    vertx.cancelTimer(timer);
    redisClient.close();
    return pg.close();
  }

  List<ProbeResult> results() {
    return List.of(postgres, redisResult);
  }

  void bind(MeterRegistry registry) {
    for (ProbeResult result : results()) {
      Gauge.builder("fsgw.backend.up", result, r -> r.up() ? 1 : 0).tag("backend", result.name())
          .description("1 when the last probe of the backend answered").register(registry);
      Gauge.builder("fsgw.backend.rtt", result, ProbeResult::rttSeconds).tag("backend", result.name())
          .baseUnit("seconds").description("round-trip time of the last probe that answered").register(registry);
    }
  }

  JsonObject toJson() {
    JsonObject backends = new JsonObject();
    results().forEach(result -> backends.put(result.name(), result.toJson()));
    return backends;
  }

  private void probe() {
    timed(postgres, () -> pg.query("SELECT 1").execute().mapEmpty());
    timed(redisResult, () -> redis.ping(List.of()).mapEmpty());
  }

  private void timed(ProbeResult result, Supplier<Future<Void>> roundTrip) {
    long started = System.nanoTime();
    Promise<Void> answer = Promise.promise();
    long deadline = vertx.setTimer(TIMEOUT_MS, fired -> answer.tryFail("no answer in " + TIMEOUT_MS + " ms"));
    roundTrip.get().onComplete(done -> {
      vertx.cancelTimer(deadline);
      if (done.succeeded()) {
        answer.tryComplete();
      } else {
        answer.tryFail(done.cause());
      }
    });
    answer.future()
        .onSuccess(ignored -> result.answered(System.nanoTime() - started))
        .onFailure(result::failed);
  }
}
