package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.dispatch.MethodConsumers;
import net.fsgateway.infra.PgPools;
import net.fsgateway.infra.RedisClients;

/** Wiring for {@code agent_login} and {@code agent_logout}: its own PG pool, Redis client and hashing pool. */
public final class SessionVerticle extends VerticleBase {
  private final GatewayConfig config;
  private Pool pool;
  private RedisAPI redis;
  private WorkerExecutor hashing;

  public SessionVerticle(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.create(vertx, config.pg());
    redis = RedisClients.create(vertx, config.redis());
    hashing = vertx.createSharedWorkerExecutor(PasswordCheck.EXECUTOR_NAME, config.session().hashWorkers());
    SessionService service = new SessionService(new AgentRepository(pool), new PasswordCheck(hashing),
        new SessionStore(redis, config.session().ttlSeconds()));
    return Future.join(
        MethodConsumers.register(vertx, "agent_login", call -> service.login(call.struct())),
        MethodConsumers.register(vertx, "agent_logout", call -> service.logout(call.struct())));
  }

  @Override
  public Future<?> stop() {
    if (redis != null) {
      redis.close();
    }
    Future<Void> executor = hashing == null ? Future.succeededFuture() : hashing.close();
    Future<Void> pg = pool == null ? Future.succeededFuture() : pool.close();
    return Future.join(executor, pg);
  }
}
