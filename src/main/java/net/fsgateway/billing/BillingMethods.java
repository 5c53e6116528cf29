package net.fsgateway.billing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import net.fsgateway.config.BillingConfig;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.dispatch.MethodService;
import net.fsgateway.dispatch.MethodSink;
import net.fsgateway.infra.Closeables;
import net.fsgateway.infra.PgPools;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.resilience.DeadlineRedis;
import net.fsgateway.security.CardKeys;
import net.fsgateway.security.CardVault;
import net.fsgateway.security.ServicePasswords;
import net.fsgateway.session.AgentSessions;

/** new_customer: wires the pool, sessions, card vault, payment processor and hashing workers. */
public final class BillingMethods implements MethodService {
  /**
   * Workers for an iterated service-password scheme and for loading the card key. Not the agent-login pool:
   * a burst of logins (argon2id, tens of ms each) must not stall signups.
   */
  public static final String HASH_POOL = "fsgw-service-hash";

  private final GatewayConfig config;
  private final Closeables opened = new Closeables();

  public BillingMethods(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public Future<Void> start(Vertx vertx, MethodSink sink) {
    BillingConfig billing = config.billing();
    Pool pool = opened.add(PgPools.genericPlans(vertx, config.pg(), config.deadlines()), Pool::close);
    WorkerExecutor hashers = opened.add(vertx.createSharedWorkerExecutor(HASH_POOL, config.session().hashWorkers()),
        WorkerExecutor::close);
    RedisAPI redis = opened.add(DeadlineRedis.wrap(vertx, RedisClients.create(vertx, config.redis()), config.deadlines()));
    AgentSessions sessions = opened.add(AgentSessions.open(vertx, redis, config, pool),
        AgentSessions::close);
    ServicePasswords passwords = new ServicePasswords(billing.servicePasswordScheme(), billing.servicePasswordRounds());
    PaymentProcessor processor = processor(vertx, billing);
    return hashers.executeBlocking(() -> CardKeys.load(billing.cardKey(), config.embedded().dataDir(),
            !config.pg().embedded()))
        .map(CardVault::new)
        .compose(vault -> {
          SignupService service = new SignupService(sessions,
              new SignupChecks(pool, config.signup().defaultRefnum()), new SignupStore(pool, vault),
              processor, billing.processorTimeoutMs(), passwords, hashers, Clock.systemUTC(), config.signup());
          return sink.register("new_customer", service::newCustomer);
        });
  }

  @Override
  public Future<Void> stop() {
    return opened.closeAll();
  }

  private static PaymentProcessor processor(Vertx vertx, BillingConfig billing) {
    if ("test".equals(billing.processor())) {
      return new TestPaymentProcessor(vertx);
    }
    throw new IllegalStateException("billing.processor '" + billing.processor() + "' is not supported (use 'test')");
  }
}
