package net.fsgateway.billing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.fsgateway.security.CardVault;

/**
 * Writes a whole signup in one transaction: customer, location, invoicing list, payment info, package, account,
 * the first invoice, its payment (or the prepaid credit applied to it) and the audit row. Any failure rolls all
 * of it back, so a crash leaves the whole signup or none of it.
 */
final class SignupStore {
  /** What the transaction created. */
  record Created(long custnum, long pkgnum, long svcnum) {
  }

  private final Pool pool;
  private final CardVault vault;

  SignupStore(Pool pool, CardVault vault) {
    this.pool = pool;
    this.vault = vault;
  }

  /** {@code reference} is the processor's approved charge ('' for PREPAY or a zero charge). */
  Future<Created> insert(SignupPlan plan, SignupRequest request, String scheme, String hash, String reference) {
    Tuple customer = customerTuple(plan.agentnum(), request);
    return pool.withTransaction(conn -> conn.preparedQuery(BillingQueries.INSERT_CUSTOMER).execute(customer)
        .map(rows -> rows.iterator().next().getLong("custnum"))
        .compose(custnum -> details(conn, custnum, request).map(custnum))
        .compose(custnum -> conn.preparedQuery(BillingQueries.INSERT_PACKAGE)
            .execute(Tuple.of(custnum, plan.pkgpart(), plan.freq()))
            .map(rows -> rows.iterator().next().getLong("pkgnum"))
            .compose(pkgnum -> conn.preparedQuery(BillingQueries.INSERT_ACCOUNT)
                .execute(Tuple.of(pkgnum, request.username(), plan.domsvc(), scheme, hash))
                .map(rows -> new Created(custnum, pkgnum, rows.iterator().next().getLong("svcnum")))))
        .compose(created -> bill(conn, plan, request, created.custnum(), reference).map(created))
        .compose(created -> conn.preparedQuery(BillingQueries.AUDIT_SIGNUP)
            .execute(Tuple.of(plan.agentnum(), created.custnum(), created.pkgnum(), created.svcnum(),
                "payby=" + request.payment().payby()))
            .map(created)));
  }

  private Future<Void> details(SqlConnection conn, long custnum, SignupRequest request) {
    SignupRequest.Customer c = request.customer();
    List<Tuple> dests = new ArrayList<>();
    request.invoicingList().forEach(email -> dests.add(Tuple.of(custnum, email)));
    return conn.preparedQuery(BillingQueries.INSERT_LOCATION)
        .execute(Tuple.of(custnum, c.address1(), c.address2(), c.city(), c.state(), c.zip(), c.country()))
        .compose(ignored -> conn.preparedQuery(BillingQueries.INSERT_INVOICE_DEST).executeBatch(dests))
        .mapEmpty();
  }

  private Future<Void> bill(SqlConnection conn, SignupPlan plan, SignupRequest request, long custnum,
                            String reference) {
    BigDecimal charged = plan.firstCharge();
    return conn.preparedQuery(BillingQueries.INSERT_BILL).execute(Tuple.of(custnum, charged))
        .map(rows -> rows.iterator().next().getLong("invnum"))
        .compose(invnum -> {
          if (request.payment() instanceof Payment.Prepay prepay) {
            return redeem(conn, plan, prepay, custnum, invnum, charged);
          }
          if (charged.signum() == 0) {
            return Future.succeededFuture();
          }
          return conn.preparedQuery(BillingQueries.INSERT_PAYMENT)
              .execute(Tuple.of(custnum, invnum, charged, request.payment().payby(), reference))
              .mapEmpty();
        });
  }

  private Future<Void> redeem(SqlConnection conn, SignupPlan plan, Payment.Prepay prepay, long custnum,
                              long invnum, BigDecimal charged) {
    return conn.preparedQuery(BillingQueries.REDEEM_PREPAID)
        .execute(Tuple.of(prepay.identifier(), plan.agentnum(), custnum))
        .compose(rows -> {
          if (rows.size() == 0) {
            // Another signup redeemed it between our check and this transaction.
            return Future.failedFuture(new SignupRejected("payinfo: Prepaid card already used"));
          }
          BigDecimal amount = rows.iterator().next().getBigDecimal("amount");
          if (amount.compareTo(charged) < 0) {
            // Freeside declines what the prepaid credit does not cover; the rollback un-redeems the card.
            return Future.failedFuture(SignupRejected.decline());
          }
          return conn.preparedQuery(BillingQueries.INSERT_CREDIT).execute(Tuple.of(custnum, amount))
              .map(credit -> credit.iterator().next().getLong("crednum"))
              .compose(crednum -> charged.signum() == 0 ? Future.succeededFuture()
                  : conn.preparedQuery(BillingQueries.APPLY_CREDIT).execute(Tuple.of(crednum, invnum, charged)))
              .mapEmpty();
        });
  }

  private Tuple customerTuple(long agentnum, SignupRequest request) {
    SignupRequest.Customer c = request.customer();
    Payment payment = request.payment();
    String mask = "";
    Buffer sealed = null;
    LocalDate paydate = null;
    if (payment instanceof Payment.Card card) {
      mask = CardVault.maskCard(card.number());
      sealed = Buffer.buffer(vault.encrypt(card.number()));
      paydate = card.expiry().atEndOfMonth();
    } else if (payment instanceof Payment.Check check) {
      mask = CardVault.maskAccount(check.account(), check.routing());
      sealed = Buffer.buffer(vault.encrypt(check.payinfo()));
    }
    return Tuple.from(new Object[] {agentnum, c.first(), c.last(), c.company(), c.daytime(), c.night(), c.fax(),
        payment.payby(), payment.payname(), mask, sealed, paydate});
  }
}
