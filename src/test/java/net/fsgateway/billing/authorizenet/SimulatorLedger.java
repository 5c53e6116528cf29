package net.fsgateway.billing.authorizenet;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated merchant account: the documented sandbox rules applied to each request, and the transactions
 * they made. Called on the simulator's one event loop.
 */
final class SimulatorLedger {
  private final Map<String, SimulatedTransaction> ledger = new ConcurrentHashMap<>();
  private final Map<String, Long> recent = new ConcurrentHashMap<>();
  /** Like the real service's, ids never repeat across simulators (tests share one database between them). */
  private final AtomicLong nextId = new AtomicLong(60_000_000_000L + System.currentTimeMillis() % 100_000_000L * 1000);
  private static final BigDecimal ECHECK_LIMIT = new BigDecimal("100");

  private final SimulatorResponses responses = new SimulatorResponses();
  private volatile boolean holdForReview;

  void holdForReview(boolean hold) {
    this.holdForReview = hold;
  }

  List<SimulatedTransaction> transactions() {
    return List.copyOf(ledger.values());
  }

  SimulatedTransaction transaction(String transId) {
    return ledger.get(transId);
  }

  void clear() {
    ledger.clear();
    recent.clear();
    holdForReview = false;
  }

  /** getUnsettledTransactionList: every transaction not settled, newest first, with its invoice number. */
  Buffer unsettled(JsonObject list) {
    if (!authenticated(list)) {
      return responses.requestError("E00007", "User authentication failed due to invalid authentication values.");
    }
    JsonArray transactions = new JsonArray();
    ledger.values().stream().sorted((a, b) -> b.transId().compareTo(a.transId())).forEach(t -> transactions.add(
        new JsonObject().put("transId", t.transId()).put("invoiceNumber", t.invoiceNumber())
            .put("transactionStatus", switch (t.state()) {
              case SimulatedTransaction.AUTHORIZED -> "authorizedPendingCapture";
              case SimulatedTransaction.HELD -> "FDSPendingReview";
              case SimulatedTransaction.CAPTURED -> "capturedPendingSettlement";
              case SimulatedTransaction.VOIDED -> "voided";
              default -> "declined";
            })
            .put("accountNumber", "XXXX" + t.payment()).put("settleAmount", t.amount())));
    return responses.list(transactions);
  }

  static boolean authenticated(JsonObject request) {
    JsonObject auth = request.getJsonObject("merchantAuthentication", new JsonObject());
    return AuthorizeNetSimulator.LOGIN.equals(auth.getString("name"))
        && AuthorizeNetSimulator.KEY.equals(auth.getString("transactionKey"));
  }

  Buffer process(JsonObject create, JsonObject tx, String type) {
    if (!authenticated(create)) {
      return responses.requestError("E00007", "User authentication failed due to invalid authentication values.");
    }
    return switch (type) {
      case "authOnlyTransaction" -> authorize(tx);
      case "priorAuthCaptureTransaction" -> settle(tx, SimulatedTransaction.CAPTURED, "311",
          "This transaction has already been captured.");
      case "voidTransaction" -> settle(tx, SimulatedTransaction.VOIDED, "310",
          "This transaction has already been voided.");
      default -> responses.requestError("E00003", "The transactionType is not supported by this simulator.");
    };
  }

  private Buffer authorize(JsonObject tx) {
    BigDecimal amount = new BigDecimal(tx.getString("amount", "0"));
    JsonObject payment = tx.getJsonObject("payment", new JsonObject());
    JsonObject card = payment.getJsonObject("creditCard");
    JsonObject bank = payment.getJsonObject("bankAccount");
    String number = card != null ? card.getString("cardNumber", "") : bank != null ? bank.getString("accountNumber", "")
        : "";
    String invoice = tx.getJsonObject("order", new JsonObject()).getString("invoiceNumber", "");
    String zip = tx.getJsonObject("billTo", new JsonObject()).getString("zip", "");
    if (card != null && !AuthorizeNetSimulator.TEST_CARDS.contains(number)) {
      return responses.transaction("3", "0", "6", "The credit card number is invalid.", number);
    }
    if (number.isEmpty()) {
      return responses.requestError("E00003", "The payment is missing.");
    }
    long window = duplicateWindow(tx);
    String duplicateKey = number + "|" + amount.toPlainString();
    long now = System.currentTimeMillis();
    Long seen = recent.put(duplicateKey, now);
    if (seen != null && now - seen < window * 1000) {
      return responses.transaction("3", "0", "11", "A duplicate transaction has been submitted.", number);
    }
    String transId = Long.toString(nextId.incrementAndGet());
    String last4 = number.substring(Math.max(0, number.length() - 4));
    boolean echeckOverLimit = bank != null && amount.compareTo(ECHECK_LIMIT) > 0;
    if (AuthorizeNetSimulator.DECLINE_ZIP.equals(zip) || echeckOverLimit) {
      ledger.put(transId, new SimulatedTransaction(transId, SimulatedTransaction.DECLINED, amount, invoice, last4));
      return responses.transaction("2", transId, "2", "This transaction has been declined.", number);
    }
    if (holdForReview) {
      ledger.put(transId, new SimulatedTransaction(transId, SimulatedTransaction.HELD, amount, invoice, last4));
      return responses.transaction("4", transId, "", "The transaction is under review.", number);
    }
    ledger.put(transId, new SimulatedTransaction(transId, SimulatedTransaction.AUTHORIZED, amount, invoice, last4));
    return responses.transaction("1", transId, "", "This transaction has been approved.", number);
  }

  private static long duplicateWindow(JsonObject tx) {
    JsonObject settings = tx.getJsonObject("transactionSettings");
    if (settings != null && settings.getJsonArray("setting") != null) {
      for (Object item : settings.getJsonArray("setting")) {
        if (item instanceof JsonObject s && "duplicateWindow".equals(s.getString("settingName"))) {
          return Long.parseLong(s.getString("settingValue", "120"));
        }
      }
    }
    return 120;
  }

  private Buffer settle(JsonObject tx, String to, String alreadyCode, String alreadyText) {
    String transId = tx.getString("refTransId", "");
    SimulatedTransaction found = ledger.get(transId);
    if (found == null) {
      return responses.transaction("3", "0", "16", "The transaction cannot be found.", "");
    }
    // One server instance: every request runs on the same event loop, so this read-then-write is atomic.
    if (to.equals(found.state())) {
      return responses.transaction("3", transId, alreadyCode, alreadyText, "");
    }
    boolean open = SimulatedTransaction.AUTHORIZED.equals(found.state())
        || SimulatedTransaction.HELD.equals(found.state());
    if (!open) {
      return responses.transaction("3", transId, "310".equals(alreadyCode) ? "311" : "310",
          "The transaction is already " + found.state() + ".", "");
    }
    ledger.put(transId, found.withState(to));
    return responses.transaction("1", transId, "", "This transaction has been approved.", "");
  }

}
