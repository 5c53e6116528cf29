package net.fsgateway.billing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/**
 * The built-in processor for testing integrations: deterministic, no network, no money.
 *
 * <p>It approves every valid card and echeck except these, which it always declines (error {@code _decline}):
 * <ul>
 *   <li>cards {@value #DECLINED_VISA} (Visa), {@value #DECLINED_MASTERCARD} (MasterCard) and
 *       {@value #DECLINED_AMEX} (Amex);</li>
 *   <li>echecks whose account number ends in {@value #DECLINED_ACCOUNT_SUFFIX}.</li>
 * </ul>
 * References are {@code test-<uuid>}. Authorizations, captures and voids are recorded in the Vert.x instance's
 * local maps {@value #CHARGES}, {@value #CAPTURES} and {@value #VOIDS} (reference → amount), so tests can check
 * that nothing is left charged.
 */
public final class TestPaymentProcessor implements PaymentProcessor {
  public static final String DECLINED_VISA = "4000000000000002";
  public static final String DECLINED_MASTERCARD = "5105105105105100";
  public static final String DECLINED_AMEX = "378734493671000";
  public static final String DECLINED_ACCOUNT_SUFFIX = "0002";
  /** Authorizations (the first phase). */
  public static final String CHARGES = "fsgw.test-processor.charges";
  public static final String CAPTURES = "fsgw.test-processor.captures";
  public static final String VOIDS = "fsgw.test-processor.voids";
  /** Invoice number → reference of each authorization. */
  public static final String INVOICES = "fsgw.test-processor.invoices";
  private static final Set<String> DECLINED_CARDS = Set.of(DECLINED_VISA, DECLINED_MASTERCARD, DECLINED_AMEX);

  static final int LEDGER_LIMIT = 100_000;

  private final LocalMap<String, String> charges;
  private final LocalMap<String, String> captures;
  private final LocalMap<String, String> voids;
  private final LocalMap<String, String> invoices;

  public TestPaymentProcessor(Vertx vertx) {
    this.charges = vertx.sharedData().getLocalMap(CHARGES);
    this.captures = vertx.sharedData().getLocalMap(CAPTURES);
    this.voids = vertx.sharedData().getLocalMap(VOIDS);
    this.invoices = vertx.sharedData().getLocalMap(INVOICES);
  }

  @Override
  public Future<PaymentResult> authorize(Payment payment, Charge charge) {
    if (declines(payment)) {
      return Future.succeededFuture(PaymentResult.declined("test processor: decline number"));
    }
    String reference = "test-" + UUID.randomUUID();
    record(charges, reference, charge.amount());
    if (invoices.size() < LEDGER_LIMIT) {
      invoices.put(charge.invoiceNumber(), reference);
    }
    return Future.succeededFuture(PaymentResult.approved(reference));
  }

  @Override
  public Future<Void> capture(String reference, BigDecimal amount) {
    record(captures, reference, amount);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> voidAuthorization(String reference, BigDecimal amount) {
    record(voids, reference, amount);
    return Future.succeededFuture();
  }

  @Override
  public Future<String> findAuthorization(String invoiceNumber) {
    String reference = invoices.get(invoiceNumber);
    boolean open = reference != null && !captures.containsKey(reference) && !voids.containsKey(reference);
    return Future.succeededFuture(open ? reference : "");
  }

  /** The ledger is for tests to inspect; bounded, so a long-running gateway on the test processor stays flat. */
  private static void record(LocalMap<String, String> ledger, String reference, BigDecimal amount) {
    if (ledger.size() < LEDGER_LIMIT) {
      ledger.put(reference, amount.toPlainString());
    }
  }

  static boolean declines(Payment payment) {
    if (payment instanceof Payment.Card card) {
      return DECLINED_CARDS.contains(card.number());
    }
    if (payment instanceof Payment.Check check) {
      return check.account().endsWith(DECLINED_ACCOUNT_SUFFIX);
    }
    return false;
  }
}
