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
 * Writes a whole signup atomically: customer, billing and service locations, invoicing list, payment info (card,
 * account and SSN encrypted by the {@link CardVault}), package, account, the first invoice, its payment (or the
 * prepaid credit applied to it) and the audit row. Most signups are one statement; PREPAY adds the card's
 * redemption and a registration code its consumption, in the same transaction. Any failure rolls all of it back,
 * so a crash leaves the whole signup or none of it.
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

  /**
   * {@code charge}: the processor's approved authorization, its journal attempt marked authorized by the same
   * statement ({@link TwoPhasePayment.Authorization#NONE} for PREPAY, a zero charge or no charge at signup).
   */
  Future<Created> insert(SignupPlan plan, SignupRequest request, String scheme, String hash,
                         TwoPhasePayment.Authorization charge) {
    Payment payment = request.payment();
    boolean paidByProcessor = !(payment instanceof Payment.Prepay) && payment.chargedAtSignup();
    Tuple signup = signupTuple(plan, request, scheme, hash, charge, paidByProcessor);
    if (!(payment instanceof Payment.Prepay) && plan.regCodenum() == null) {
      return pool.preparedQuery(BillingQueries.INSERT_SIGNUP).execute(signup).map(SignupStore::created);
    }
    // The registration code is consumed first: a racing signup waits on its row lock, then finds it gone.
    return pool.withTransaction(conn -> consumeRegCode(conn, plan)
        .compose(consumed -> conn.preparedQuery(BillingQueries.INSERT_SIGNUP).execute(signup))
        .map(SignupStore::created)
        .compose(created -> payment instanceof Payment.Prepay prepay
            ? redeem(conn, plan, prepay, created.custnum(), created.invnum(), plan.firstCharge()).map(created)
            : Future.succeededFuture(created)));
  }

  private static Future<Void> consumeRegCode(SqlConnection conn, SignupPlan plan) {
    if (plan.regCodenum() == null) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(BillingQueries.CONSUME_REG_CODE).execute(Tuple.of(plan.regCodenum()))
        .compose(rows -> rows.size() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new SignupRejected(SignupRejected.UNKNOWN_REG_CODE)));
  }

  private static Created created(RowSet<Row> rows) {
    if (rows.size() == 0) {
      // The journal's attempt was settled by the sweeper (voided) while this signup ran: nothing was written.
      throw new SignupRejected(TwoPhasePayment.TIMED_OUT);
    }
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
            return Future.failedFuture(new SignupRejected(SignupRejected.INVALID_PREPAID));
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

  private Tuple signupTuple(SignupPlan plan, SignupRequest request, String scheme, String hash,
                            TwoPhasePayment.Authorization charge, boolean paidByProcessor) {
    SignupRequest.Customer c = request.customer();
    SignupRequest.Location bill = request.bill();
    SignupRequest.Location ship = request.ship() == null ? bill : request.ship();
    Payment payment = request.payment();
    Payment details = payment instanceof Payment.OnDemand onDemand ? onDemand.details() : payment;
    String mask = "";
    Buffer sealed = null;
    LocalDate paydate = null;
    if (details instanceof Payment.Card card) {
      mask = CardVault.maskCard(card.number());
      sealed = Buffer.buffer(vault.encrypt(card.number()));
      paydate = card.expiry().atEndOfMonth();
    } else if (details instanceof Payment.Check check) {
      mask = CardVault.maskAccount(check.account(), check.routing());
      sealed = Buffer.buffer(vault.encrypt(check.payinfo()));
    }
    Buffer ss = c.ss().isEmpty() ? null : Buffer.buffer(vault.encrypt(c.ss()));
    String ssMask = c.ss().isEmpty() ? "" : "xxx-xx-" + c.ss().substring(c.ss().length() - 4);
    return Tuple.from(new Object[] {plan.agentnum(), c.first(), c.last(), c.company(), c.daytime(), c.night(),
        c.fax(), payment.payby(), payment.payname(), mask, sealed, paydate,
        bill.address1(), bill.address2(), bill.city(), bill.state(), bill.zip(), bill.country(),
        request.invoicingList().toArray(new String[0]),
        plan.pkgpart(), plan.freq(),
        request.username(), plan.domsvc(), scheme, hash,
        plan.firstCharge(), charge.reference(), "payby=" + payment.payby(), paidByProcessor,
        c.mobile(), c.comments(), plan.refnum(), c.referralCustnum(), c.stateid(), c.stateidState(), ss, ssMask,
        c.locale(), bill.locationname(), bill.county(), request.secPhrase(), request.ship() != null,
        ship.locationname(), ship.address1(), ship.address2(), ship.city(), ship.county(), ship.state(), ship.zip(),
        ship.country(), charge == TwoPhasePayment.Authorization.NONE ? null : charge.attemptId()});
  }
}
