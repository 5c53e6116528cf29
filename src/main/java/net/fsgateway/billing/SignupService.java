package net.fsgateway.billing;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.pgclient.PgException;
import java.time.Clock;
import java.time.YearMonth;
import net.fsgateway.billing.idempotency.IdempotentSignups;
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
 * password on the hashing workers → authorize the charge with no transaction open ({@link TwoPhasePayment},
 * journalled) → one transaction for everything → answer, and capture after it. When the transaction fails after
 * an approved authorization (e.g. the username was taken in a race), the authorization is voided. A decline answers
 * {@code _decline} and leaves nothing behind but its journal row.
 */
public final class SignupService {
  private static final Logger LOG = LoggerFactory.getLogger(SignupService.class);

  private final AgentSessions sessions;
  private final SignupChecks checks;
  private final SignupStore store;
  private final TwoPhasePayment payments;
  private final IdempotentSignups idempotency;
  private final ServicePasswords passwords;
  private final WorkerExecutor hashers;
  private final Clock clock;
  private final SignupConfig rules;

  SignupService(AgentSessions sessions, SignupChecks checks, SignupStore store, TwoPhasePayment payments,
                IdempotentSignups idempotency, ServicePasswords passwords, WorkerExecutor hashers, Clock clock,
                SignupConfig rules) {
    this.sessions = sessions;
    this.checks = checks;
    this.store = store;
    this.payments = payments;
    this.idempotency = idempotency;
    this.passwords = passwords;
    this.hashers = hashers;
    this.clock = clock;
    this.rules = rules;
  }

  public Future<XmlRpcValue> newCustomer(CallRequest call) {
    XStruct params = call.struct();
    // signup() throws its validation refusals; starting from a future turns them into a failed future.
    return sessions.withAgent(params, agentnum -> Future.succeededFuture(agentnum)
        .compose(agent -> idempotency.run(agent, params, () -> Future.succeededFuture(agent)
            .compose(a -> signup(a, params))
            .recover(SignupService::rejection))));
  }

  private Future<XmlRpcValue> signup(long agentnum, XStruct params) {
    SignupRequest request = SignupParser.parse(params, YearMonth.now(clock), rules);
    return checks.plan(agentnum, request)
        .compose(plan -> hashPassword(request.password())
            .compose(hash -> payments.authorize(plan, request)
                .compose(auth -> store.insert(plan, request, passwords.scheme(), hash, auth)
                    .recover(failure -> payments.voidThenFail(auth, failure))
                    .onSuccess(created -> payments.settle(auth)))))
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
