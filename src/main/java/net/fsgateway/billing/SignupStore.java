package net.fsgateway.billing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import net.fsgateway.security.CardVault;

/**
 * Writes a whole signup atomically: customer, location, invoicing list, payment info, package, account, the first
 * invoice, its payment (or the prepaid credit applied to it) and the audit row. CARD and CHEK are one statement;
 * PREPAY adds the card's redemption in the same transaction. Any failure rolls all of it back, so a crash leaves
 * the whole signup or none of it.
 */
final class SignupStore {
  /** What the transaction created. */
  record Created(long custnum, long pkgnum, long svcnum, long invnum) {
  }

  private final Pool pool;
  private final CardVault vault;

  SignupStore(Pool pool, CardVault vault) {
    this.pool = pool;
    this.vault = vault;
  }

  /** {@code reference} is the processor's approved charge ('' for PREPAY or a zero charge). */
  Future<Created> insert(SignupPlan plan, SignupRequest request, String scheme, String hash, String reference) {
    if (!(request.payment() instanceof Payment.Prepay prepay)) {
      return pool.preparedQuery(BillingQueries.INSERT_SIGNUP).execute(signupTuple(plan, request, scheme, hash,
          reference, true)).map(SignupStore::created);
    }
    Tuple signup = signupTuple(plan, request, scheme, hash, reference, false);
    return pool.withTransaction(conn -> conn.preparedQuery(BillingQueries.INSERT_SIGNUP).execute(signup)
        .map(SignupStore::created)
        .compose(created -> redeem(conn, plan, prepay, created.custnum(), created.invnum(), plan.firstCharge())
            .map(created)));
  }

  private static Created created(RowSet<Row> rows) {
    Row row = rows.iterator().next();
    return new Created(row.getLong("custnum"), row.getLong("pkgnum"), row.getLong("svcnum"), row.getLong("invnum"));
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

  private Tuple signupTuple(SignupPlan plan, SignupRequest request, String scheme, String hash, String reference,
                            boolean paidByProcessor) {
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
    return Tuple.from(new Object[] {plan.agentnum(), c.first(), c.last(), c.company(), c.daytime(), c.night(),
        c.fax(), payment.payby(), payment.payname(), mask, sealed, paydate,
        c.address1(), c.address2(), c.city(), c.state(), c.zip(), c.country(),
        request.invoicingList().toArray(new String[0]),
        plan.pkgpart(), plan.freq(),
        request.username(), plan.domsvc(), scheme, hash,
        plan.firstCharge(), reference, "payby=" + payment.payby(), paidByProcessor});
  }
}
