package net.fsgateway.billing;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.pgclient.PgException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.fsgateway.config.SignupConfig;
import net.fsgateway.dispatch.CallRequest;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.security.ServicePasswords;
import net.fsgateway.session.AgentSessions;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * new_customer: validate → cheap checks (package, domain, username free, prepaid card) → hash the account
 * password on the hashing workers → charge through the processor with no transaction open → one transaction
 * for everything. When the transaction fails after an approved charge (e.g. the username was taken in a race),
 * the charge is voided. A decline answers {@code _decline} and leaves nothing behind.
 */
public final class SignupService {
  private static final Logger LOG = LoggerFactory.getLogger(SignupService.class);

  private final AgentSessions sessions;
  private final SignupChecks checks;
  private final SignupStore store;
  private final PaymentProcessor processor;
  private final long processorTimeoutMs;
  private final ServicePasswords passwords;
  private final WorkerExecutor hashers;
  private final Clock clock;
  private final SignupConfig rules;

  SignupService(AgentSessions sessions, SignupChecks checks, SignupStore store, PaymentProcessor processor,
                long processorTimeoutMs, ServicePasswords passwords, WorkerExecutor hashers, Clock clock,
                SignupConfig rules) {
    this.sessions = sessions;
    this.checks = checks;
    this.store = store;
    this.processor = processor;
    this.processorTimeoutMs = processorTimeoutMs;
    this.passwords = passwords;
    this.hashers = hashers;
    this.clock = clock;
    this.rules = rules;
  }

  public Future<XmlRpcValue> newCustomer(CallRequest call) {
    XStruct params = call.struct();
    // signup() throws its validation refusals; starting from a future turns them into a failed future.
    return sessions.withAgent(params, agentnum -> Future.succeededFuture(agentnum)
        .compose(agent -> signup(agent, params))
        .recover(SignupService::rejection));
  }

  private Future<XmlRpcValue> signup(long agentnum, XStruct params) {
    SignupRequest request = SignupParser.parse(params, YearMonth.now(clock), rules);
    return checks.plan(agentnum, request)
        .compose(plan -> hashPassword(request.password())
            .compose(hash -> charge(plan, request)
                .compose(reference -> store.insert(plan, request, passwords.scheme(), hash, reference)
                    .recover(failure -> voidThenFail(reference, plan.firstCharge(), failure)))))
        .map(created -> {
          LOG.debug("signup agentnum={} custnum={} svcnum={}", agentnum, created.custnum(), created.svcnum());
          return (XmlRpcValue) Replies.ok()
              .put("custnum", Long.toString(created.custnum()))
              .put("signup_service", "svc_acct")
              .put("svcnum", Long.toString(created.svcnum()))
              // Freeside also answers _password; the gateway never echoes a password (README, differences).
              .put("username", request.username())
              .build();
        });
  }

  /** A fast scheme hashes in place (a worker hop would cost more); an iterated one goes to the hashing workers. */
  private Future<String> hashPassword(String password) {
    return passwords.isSlow() ? hashers.executeBlocking(() -> passwords.hash(password), false)
        : Future.succeededFuture(passwords.hash(password));
  }

  /**
   * The approved charge's reference; '' when nothing needs charging (PREPAY is settled in the transaction; BILL,
   * DCRD and DCHK are billed later).
   */
  private Future<String> charge(SignupPlan plan, SignupRequest request) {
    BigDecimal amount = plan.firstCharge();
    Payment payment = request.payment();
    if (payment instanceof Payment.Prepay || !payment.chargedAtSignup() || amount.signum() == 0) {
      return Future.succeededFuture("");
    }
    return processor.charge(request.payment(), amount)
        .timeout(processorTimeoutMs, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(failure instanceof TimeoutException
            ? new SignupRejected("payinfo: the payment processor did not answer in time, try again")
            : failure))
        .map(result -> {
          if (!result.approved()) {
            LOG.info("signup declined agentnum={}: {}", plan.agentnum(), result.message());
            throw SignupRejected.decline();
          }
          return result.reference();
        });
  }

  private <T> Future<T> voidThenFail(String reference, BigDecimal amount, Throwable failure) {
    if (reference.isEmpty()) {
      return Future.failedFuture(failure);
    }
    return processor.voidCharge(reference, amount)
        .timeout(processorTimeoutMs, TimeUnit.MILLISECONDS)
        .onFailure(voidFailure -> LOG.error("could not void charge {} after a failed signup: {}", reference,
            voidFailure.toString()))
        .transform(ignored -> Future.failedFuture(failure));
  }

  /** Freeside-style error answers for refusals; anything else stays a failure and becomes a fault. */
  private static Future<XmlRpcValue> rejection(Throwable failure) {
    if (failure instanceof SignupRejected rejected) {
      return Future.succeededFuture(Replies.error(rejected.getMessage()));
    }
    if (failure instanceof PgException pg && BillingQueries.UNIQUE_VIOLATION.equals(pg.getSqlState())
        && BillingQueries.USERNAME_CONSTRAINT.equals(pg.getConstraint())) {
      return Future.succeededFuture(Replies.error(SignupRejected.USERNAME_IN_USE));
    }
    return Future.failedFuture(failure);
  }
}
