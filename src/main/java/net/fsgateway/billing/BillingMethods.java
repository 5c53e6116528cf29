package net.fsgateway.billing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import net.fsgateway.billing.authorizenet.AuthorizeNetProcessor;
import net.fsgateway.billing.idempotency.Fingerprint;
import net.fsgateway.billing.idempotency.IdempotentSignups;
import net.fsgateway.billing.journal.PaymentJournal;
import net.fsgateway.billing.journal.PaymentSweeper;
import net.fsgateway.config.BillingConfig;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.PaymentsConfig;
import net.fsgateway.dispatch.MethodService;
import net.fsgateway.dispatch.MethodSink;
import net.fsgateway.infra.Closeables;
import net.fsgateway.infra.PgBudget;
import net.fsgateway.infra.PgPools;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.resilience.DeadlineRedis;
import net.fsgateway.security.CardKeys;
import net.fsgateway.security.CardVault;
import net.fsgateway.security.ServicePasswords;
import net.fsgateway.session.AgentSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** new_customer: wires the pool, sessions, card vault, payment processor and hashing workers. */
public final class BillingMethods implements MethodService {
  /**
   * Workers for an iterated service-password scheme and for loading the card key. Not the agent-login pool:
   * a burst of logins (argon2id, tens of ms each) must not stall signups.
   */
  public static final String HASH_POOL = "fsgw-service-hash";

  private static final Logger LOG = LoggerFactory.getLogger(BillingMethods.class);
  private static final String SWEEPER_OWNER = "fsgw.payment-sweeper";

  private final GatewayConfig config;
  private final Closeables opened = new Closeables();
  private Vertx vertx;
  private TwoPhasePayment payments;

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
    ProcessorBreaker processor = new ProcessorBreaker(vertx, processor(vertx, billing, config.payments()),
        billing.processorTimeoutMs(), config.payments().breakerMaxFailures(), config.payments().breakerResetMs());
    // The checks are single read-only statements: pipelined, the checks of one event-loop turn go in one write
    // (issue 15: event-loop CPU per signup 389 -> 333 µs, alternated, on 2 busy cores).
    SqlClient checks = opened.add(PgPools.pipelinedBatchedGenericPlans(vertx, config.pg(), config.deadlines(),
        PgBudget.SIGNUP_CHECK_CONNECTIONS), SqlClient::close);
    Pool journalSteps = opened.add(PgPools.asyncCommit(vertx, config.pg(), config.deadlines(),
        PgBudget.JOURNAL_CONNECTIONS), Pool::close);
    this.vertx = vertx;
    this.payments = new TwoPhasePayment(new PaymentJournal(vertx, pool, journalSteps, billing.processor()), processor);
    return hashers.executeBlocking(() -> CardKeys.load(billing.cardKey(), config.embedded().dataDir(),
            !config.pg().embedded()))
        .compose(cardKey -> {
          IdempotentSignups idempotency = new IdempotentSignups(vertx, pool, new Fingerprint(cardKey));
          SignupService service = new SignupService(sessions,
              new SignupChecks(checks, config.signup().defaultRefnum()), new SignupStore(pool, new CardVault(cardKey)),
              payments, idempotency, passwords, hashers, Clock.systemUTC(), config.signup());
          startSweeper(vertx, pool, processor, idempotency);
          return sink.register("new_customer", service::newCustomer);
        });
  }

  @Override
  public Future<Void> stop() {
    // Captures run after their signups were answered: let them end (one processor timeout at most) before the
    // pools close under them.
    Future<Void> settled = payments == null ? Future.succeededFuture()
        : payments.settled(vertx, config.billing().processorTimeoutMs() + 1_000L);
    return settled.transform(ignored -> opened.closeAll());
  }

  /**
   * One sweeper per process, in whichever service instance starts first (the others would only find the rows
   * locked); gateways in other processes sweep too, safely (PaymentSweeper).
   */
  private void startSweeper(Vertx vertx, Pool pool, PaymentProcessor processor, IdempotentSignups idempotency) {
    LocalMap<String, Boolean> owners = vertx.sharedData().getLocalMap(SWEEPER_OWNER);
    if (owners.putIfAbsent("sweeper", Boolean.TRUE) != null) {
      return;
    }
    PaymentsConfig payments = config.payments();
    long timer = new PaymentSweeper(pool, processor, config.billing().processor(), payments.sweepAfterSeconds())
        .schedule(vertx, payments.sweepIntervalSeconds());
    long expiry = vertx.setPeriodic(payments.sweepIntervalSeconds() * 1000L, id -> idempotency.expire()
        .onFailure(failure -> LOG.warn("idempotency keys not expired: {}", failure.toString())));
    opened.add(timer, id -> {
      vertx.cancelTimer(id);
      vertx.cancelTimer(expiry);
      owners.remove("sweeper");
      return Future.succeededFuture();
    });
  }

  private PaymentProcessor processor(Vertx vertx, BillingConfig billing, PaymentsConfig payments) {
    return switch (billing.processor()) {
      case "test" -> new TestPaymentProcessor(vertx);
      case "authorizenet" -> opened.add(new AuthorizeNetProcessor(vertx, payments, billing.processorTimeoutMs()),
          AuthorizeNetProcessor::close);
      default -> throw new IllegalStateException("billing.processor '" + billing.processor() + "' is not supported");
    };
  }
}
