package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.dispatch.MethodService;
import net.fsgateway.dispatch.MethodSink;
import net.fsgateway.infra.Closeables;
import net.fsgateway.infra.PgPools;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.resilience.Deadline;
import net.fsgateway.resilience.DeadlineRedis;

/** {@code agent_login} and {@code agent_logout}: their own PG pool, Redis client and hashing pool. */
public final class SessionMethods implements MethodService {
  private final GatewayConfig config;
  private final Closeables opened = new Closeables();

  public SessionMethods(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public Future<Void> start(Vertx vertx, MethodSink sink) {
    Pool pool = opened.add(PgPools.create(vertx, config.pg(), config.deadlines()), Pool::close);
    RedisAPI redis = opened.add(DeadlineRedis.wrap(vertx, RedisClients.create(vertx, config.redis()), config.deadlines()));
    WorkerExecutor hashing = opened.add(
        vertx.createSharedWorkerExecutor(PasswordCheck.EXECUTOR_NAME, config.session().hashWorkers()),
        WorkerExecutor::close);
    LogoutBarrier barrier = opened.add(new LogoutBarrier(vertx, RedisClients.tracking(vertx, config.redis()), redis,
        config.deadlines().redisCommandMs()), b -> {
          b.close();
          return Future.succeededFuture();
        });
    SessionService service = new SessionService(new AgentRepository(pool, Deadline.pg(vertx, config.deadlines())), new PasswordCheck(hashing),
        new SessionStore(redis, config.session().ttlSeconds(), EndedSessions.shared(vertx)), new LoginThrottle(vertx, redis, config.throttle()),
        barrier);
    return barrier.start().compose(subscribed -> Future.join(
        sink.register("agent_login", call -> service.login(call.struct(), call.clientAddress())),
        sink.register("agent_logout", call -> service.logout(call.struct())))).mapEmpty();
  }

  @Override
  public Future<Void> stop() {
    return opened.closeAll();
  }
}
