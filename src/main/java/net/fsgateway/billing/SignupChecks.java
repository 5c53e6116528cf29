package net.fsgateway.billing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import net.fsgateway.infra.Rows;

/**
 * The read-only checks a signup passes before any money moves, in one query: the package is the agent's to sell,
 * the domain is shared or the agent's, the username is free there; and for PREPAY the card is usable. They are
 * fast error paths only;
 * the signup transaction re-decides the username and the prepaid card under the database's own guarantees.
 */
final class SignupChecks {
  private final Pool pool;

  SignupChecks(Pool pool) {
    this.pool = pool;
  }

  Future<SignupPlan> plan(long agentnum, SignupRequest request) {
    Tuple args = Tuple.of(agentnum, request.pkgpart(), request.domsvc(), request.domain(), request.username());
    return pool.preparedQuery(BillingQueries.SIGNUP_PLAN).execute(args)
        .map(rows -> planFrom(agentnum, request, Rows.first(rows)))
        .compose(plan -> prepaidUsable(plan, request.payment()).map(plan));
  }

  private static SignupPlan planFrom(long agentnum, SignupRequest request, Row row) {
    if (row == null) {
      throw new SignupRejected("pkgpart: unknown package " + request.pkgpart() + " for this reseller");
    }
    Long domsvc = row.getLong("domsvc");
    if (domsvc == null) {
      if (request.domsvc() != null) {
        throw new SignupRejected("domsvc: Unknown domain");
      }
      if (!request.domain().isEmpty()) {
        throw new SignupRejected("domain: Unknown domain");
      }
      throw new SignupRejected(row.getLong("default_domsvc") == null
          ? "domain: the package has no default domain; give domain or domsvc" : "domsvc: Unknown domain");
    }
    if (row.getBoolean("taken")) {
      throw new SignupRejected(SignupRejected.USERNAME_IN_USE);
    }
    return new SignupPlan(agentnum, request.pkgpart(), row.getBigDecimal("setup_fee"), row.getBigDecimal("recur_fee"),
        row.getInteger("freq"), domsvc);
  }

  private Future<Void> prepaidUsable(SignupPlan plan, Payment payment) {
    if (!(payment instanceof Payment.Prepay prepay)) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(BillingQueries.PREPAID_STATE).execute(Tuple.of(prepay.identifier(), plan.agentnum()))
        .map(rows -> {
          Row row = Rows.first(rows);
          if (row == null) {
            throw new SignupRejected("payinfo: Prepaid card not found");
          }
          if (row.getBoolean("used")) {
            throw new SignupRejected("payinfo: Prepaid card already used");
          }
          return null;
        });
  }

}
