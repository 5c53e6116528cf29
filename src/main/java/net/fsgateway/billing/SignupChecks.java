package net.fsgateway.billing;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import net.fsgateway.infra.Rows;

/**
 * The read-only checks a signup passes before any money moves, in one query, with Freeside's texts: the package
 * exists and the agent sells it (or a promotional or registration code grants it), the package takes the payment
 * type, the locations are known, the advertising source and the referring customer are the agent's, the domain is
 * shared or the agent's and the username is free there; and for PREPAY the card is usable. They are fast error
 * paths only: the signup transaction re-decides the username, the prepaid card and the registration code under
 * the database's own guarantees.
 */
final class SignupChecks {
  private final SqlClient db;
  private final long defaultRefnum;

  SignupChecks(SqlClient db, long defaultRefnum) {
    this.db = db;
    this.defaultRefnum = defaultRefnum;
  }

  Future<SignupPlan> plan(long agentnum, SignupRequest request) {
    SignupRequest.Location bill = request.bill();
    SignupRequest.Location ship = request.ship();
    long refnum = request.customer().refnum() == null ? defaultRefnum : request.customer().refnum();
    Tuple args = Tuple.from(new Object[] {agentnum, request.pkgpart(), request.domsvc(), request.domain(),
        request.username(), request.promoCode(), request.regCode(), bill.country(), bill.state(), bill.county(),
        ship == null ? null : ship.country(), ship == null ? null : ship.state(), ship == null ? null : ship.county(),
        refnum, request.customer().referralCustnum()});
    return db.preparedQuery(BillingQueries.SIGNUP_PLAN).execute(args)
        .map(rows -> planFrom(agentnum, refnum, request, Rows.first(rows)))
        .compose(plan -> prepaidUsable(plan, request.payment()).map(plan));
  }

  private static SignupPlan planFrom(long agentnum, long refnum, SignupRequest request, Row row) {
    if (row == null) {
      throw new SignupRejected("Signup is not configured"); // the session's agent no longer exists
    }
    if (row.getLong("pkgpart") == null) {
      throw new SignupRejected("WARNING: unknown pkgpart: " + request.pkgpart());
    }
    packageGranted(agentnum, request, row);
    String[] paybys = row.getArrayOfStrings("paybys");
    if (paybys != null && !Arrays.asList(paybys).contains(request.payment().payby())) {
      throw new SignupRejected(PaymentParser.ILLEGAL_PAYBY);
    }
    locationKnown(row.getBoolean("bill_known"), request.bill());
    locationKnown(row.getBoolean("ship_known"), request.ship());
    if (!row.getBoolean("refnum_ok")) {
      throw new SignupRejected("Unknown refnum");
    }
    if (!row.getBoolean("referral_ok")) {
      throw new SignupRejected("Unknown referring custnum: " + request.customer().referralCustnum());
    }
    long domsvc = domain(request, row);
    return new SignupPlan(agentnum, request.pkgpart(), row.getBigDecimal("setup_fee"), row.getBigDecimal("recur_fee"),
        row.getInteger("freq"), domsvc, refnum, row.getLong("reg_codenum"));
  }

  /** As Freeside's cust_pkg check_pkgpart, except that a promotional code opens only packages the agent sells. */
  private static void packageGranted(long agentnum, SignupRequest request, Row row) {
    if (!request.regCode().isEmpty()) {
      if (row.getLong("reg_codenum") == null || !row.getBoolean("reg_ok")) {
        throw new SignupRejected(SignupRejected.UNKNOWN_REG_CODE);
      }
      return;
    }
    if (!request.promoCode().isEmpty() && !row.getBoolean("promo_ok")) {
      throw new SignupRejected(SignupRejected.UNKNOWN_PROMO_CODE);
    }
    if (!row.getBoolean("sold")) {
      throw new SignupRejected("agent " + agentnum + ":" + row.getString("agent") + " can't purchase pkgpart "
          + request.pkgpart());
    }
  }

  private static void locationKnown(boolean known, SignupRequest.Location location) {
    if (!known) {
      throw new SignupRejected("Unknown state/county/country: " + location.state() + "/" + location.county() + "/"
          + location.country());
    }
  }

  private static long domain(SignupRequest request, Row row) {
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
    return domsvc;
  }

  private Future<Void> prepaidUsable(SignupPlan plan, Payment payment) {
    if (!(payment instanceof Payment.Prepay prepay)) {
      return Future.succeededFuture();
    }
    return db.preparedQuery(BillingQueries.PREPAID_STATE).execute(Tuple.of(prepay.identifier()))
        .map(rows -> {
          Row row = Rows.first(rows);
          if (row == null || row.getBoolean("used")) {
            throw new SignupRejected(SignupRejected.INVALID_PREPAID); // Freeside deletes a used card: not found
          }
          Long owner = row.getLong("agentnum");
          if (owner != null && owner != plan.agentnum()) {
            throw new SignupRejected("prepaid card not valid for agent " + plan.agentnum());
          }
          return null;
        });
  }
}
