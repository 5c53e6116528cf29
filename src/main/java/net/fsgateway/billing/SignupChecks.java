package net.fsgateway.billing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * The read-only checks a signup passes before any money moves: the package is the agent's to sell, the domain is
 * shared or the agent's, the username is free there, a prepaid card is usable. They are fast error paths only;
 * the signup transaction re-decides the username and the prepaid card under the database's own guarantees.
 */
final class SignupChecks {
  private final Pool pool;

  SignupChecks(Pool pool) {
    this.pool = pool;
  }

  Future<SignupPlan> plan(long agentnum, SignupRequest request) {
    return pool.preparedQuery(BillingQueries.PACKAGE_FOR_AGENT).execute(Tuple.of(agentnum, request.pkgpart()))
        .compose(rows -> {
          Row pkg = single(rows);
          if (pkg == null) {
            throw new SignupRejected("pkgpart: unknown package " + request.pkgpart() + " for this reseller");
          }
          return domain(agentnum, request, pkg.getLong("default_domsvc"))
              .map(domsvc -> new SignupPlan(agentnum, request.pkgpart(), pkg.getBigDecimal("setup_fee"),
                  pkg.getBigDecimal("recur_fee"), pkg.getInteger("freq"), domsvc));
        })
        .compose(plan -> usernameFree(plan, request).map(plan))
        .compose(plan -> prepaidUsable(plan, request.payment()).map(plan));
  }

  private Future<Long> domain(long agentnum, SignupRequest request, Long defaultDomsvc) {
    Future<RowSet<Row>> rows;
    String field;
    if (request.domsvc() != null) {
      field = "domsvc";
      rows = pool.preparedQuery(BillingQueries.DOMAIN_BY_SVCNUM).execute(Tuple.of(request.domsvc(), agentnum));
    } else if (!request.domain().isEmpty()) {
      field = "domain";
      rows = pool.preparedQuery(BillingQueries.DOMAIN_BY_NAME).execute(Tuple.of(request.domain(), agentnum));
    } else if (defaultDomsvc != null) {
      field = "domsvc";
      rows = pool.preparedQuery(BillingQueries.DOMAIN_BY_SVCNUM).execute(Tuple.of(defaultDomsvc, agentnum));
    } else {
      return Future.failedFuture(new SignupRejected("domain: the package has no default domain; give domain or domsvc"));
    }
    return rows.map(found -> {
      Row row = single(found);
      if (row == null) {
        throw new SignupRejected(field + ": Unknown domain");
      }
      return row.getLong("svcnum");
    });
  }

  private Future<Void> usernameFree(SignupPlan plan, SignupRequest request) {
    return pool.preparedQuery(BillingQueries.USERNAME_TAKEN).execute(Tuple.of(request.username(), plan.domsvc()))
        .map(rows -> {
          if (rows.size() > 0) {
            throw new SignupRejected(SignupRejected.USERNAME_IN_USE);
          }
          return null;
        });
  }

  private Future<Void> prepaidUsable(SignupPlan plan, Payment payment) {
    if (!(payment instanceof Payment.Prepay prepay)) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(BillingQueries.PREPAID_STATE).execute(Tuple.of(prepay.identifier(), plan.agentnum()))
        .map(rows -> {
          Row row = single(rows);
          if (row == null) {
            throw new SignupRejected("payinfo: Prepaid card not found");
          }
          if (row.getBoolean("used")) {
            throw new SignupRejected("payinfo: Prepaid card already used");
          }
          return null;
        });
  }

  private static Row single(RowSet<Row> rows) {
    return rows.size() == 0 ? null : rows.iterator().next();
  }
}
