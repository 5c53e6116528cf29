package net.fsgateway.billing.authorizenet;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Authorize.Net's createTransactionRequest endpoint as its sandbox documents it, on 127.0.0.1, for tests and
 * benchmarks without the internet. Answers start with the UTF-8 byte-order mark the real service sends, and
 * authentication or validation failures are HTTP 200 with {@code resultCode} {@code Error}.
 * <ul>
 *   <li>the sandbox's test card numbers approve; any other card number is an error (6, invalid card);</li>
 *   <li>billing zip {@value #DECLINE_ZIP} declines; an e-check over $100 declines;</li>
 *   <li>the same card or account and amount within the request's {@code duplicateWindow} (120 s when absent) is
 *       rejected (error 11);</li>
 *   <li>wrong credentials: E00007; capture of a captured transaction: error 311; void of a voided one: 310;</li>
 *   <li>getUnsettledTransactionListRequest lists the ledger with invoice numbers and statuses.</li>
 * </ul>
 * Faults ({@link SimulatorFault}) can be injected for all or one transaction type. Runnable on its own for
 * benchmarks: {@code java -cp target/test-classes:target/fs-gateway.jar
 * net.fsgateway.billing.authorizenet.AuthorizeNetSimulator 23080}.
 */
public final class AuthorizeNetSimulator implements AutoCloseable {
  public static final String LOGIN = "sim-login";
  public static final String KEY = "SimTxnKey-5ecret-9a7f";
  public static final String DECLINE_ZIP = "46282";
  public static final String UNSETTLED = "getUnsettledTransactionListRequest";
  public static final List<String> TEST_CARDS = List.of("370000000000002", "6011000000000012", "3088000000000017",
      "38000000000006", "4007000000027", "4012888818888", "4111111111111111", "5424000000000015",
      "2223000010309703", "2223000010309711");

  private final Vertx vertx;
  private final boolean ownsVertx;
  private HttpServer server;
  private final Map<String, SimulatedTransaction> ledger = new ConcurrentHashMap<>();
  private final Map<String, Long> recent = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  /** Like the real service's, ids never repeat across simulators (tests share one database between them). */
  private final AtomicLong nextId = new AtomicLong(60_000_000_000L + System.currentTimeMillis() % 100_000_000L * 1000);
  private final AtomicReference<SimulatorFault> fault = new AtomicReference<>();
  private volatile String faultType;
  private final AtomicInteger faultTimes = new AtomicInteger();
  private volatile long delayMs;
  private volatile boolean holdForReview;
  private final SimulatorResponses responses = new SimulatorResponses();

  public AuthorizeNetSimulator(Vertx vertx) {
    this(vertx, false);
  }

  private AuthorizeNetSimulator(Vertx vertx, boolean ownsVertx) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
  }

  public static AuthorizeNetSimulator standalone() {
    return new AuthorizeNetSimulator(Vertx.vertx(), true);
  }

  public Future<Integer> start(int port) {
    return vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1").map(s -> {
      server = s;
      return s.actualPort();
    });
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.actualPort() + "/xml/v1/request.api";
  }

  /** {@code fault} for the next {@code times} requests of {@code transactionType} (null: any), or forever (-1). */
  public void inject(SimulatorFault fault, String transactionType, int times, long delayMs) {
    this.faultType = transactionType;
    this.delayMs = delayMs;
    this.faultTimes.set(times);
    this.fault.set(fault);
  }

  public void clearFaults() {
    fault.set(null);
    delayMs = 0;
  }

  public void holdForReview(boolean hold) {
    this.holdForReview = hold;
  }

  public List<SimulatedTransaction> transactions() {
    return List.copyOf(ledger.values());
  }

  public SimulatedTransaction transaction(String transId) {
    return ledger.get(transId);
  }

  public int requestCount(String transactionType) {
    return requests.computeIfAbsent(transactionType, t -> new AtomicInteger()).get();
  }

  public void reset() {
    ledger.clear();
    recent.clear();
    requests.clear();
    clearFaults();
    holdForReview = false;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close().await();
    }
    if (ownsVertx) {
      vertx.close().await();
    }
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      JsonObject json;
      try {
        json = new JsonObject(body.toString(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        answer(request, responses.requestError("E00003", "The JSON is not valid."));
        return;
      }
      if (json.containsKey(UNSETTLED)) {
        requests.computeIfAbsent(UNSETTLED, t -> new AtomicInteger()).incrementAndGet();
        SimulatorFault injected = takeFault(UNSETTLED);
        JsonObject list = json.getJsonObject(UNSETTLED);
        if (injected == null) {
          answer(request, unsettled(list));
        } else {
          misbehave(request, injected, () -> unsettled(list));
        }
        return;
      }
      JsonObject create = json.getJsonObject("createTransactionRequest", new JsonObject());
      JsonObject tx = create.getJsonObject("transactionRequest", new JsonObject());
      String type = tx.getString("transactionType", "");
      requests.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
      SimulatorFault injected = takeFault(type);
      if (injected == null) {
        answer(request, process(create, tx, type));
      } else {
        misbehave(request, injected, () -> process(create, tx, type));
      }
    });
  }

  private SimulatorFault takeFault(String type) {
    SimulatorFault current = fault.get();
    if (current == null || (faultType != null && !faultType.equals(type))) {
      return null;
    }
    int left = faultTimes.get();
    if (left == 0) {
      return null;
    }
    if (left > 0) {
      faultTimes.decrementAndGet();
    }
    return current;
  }

  private void misbehave(HttpServerRequest request, SimulatorFault injected, Supplier<Buffer> normal) {
    switch (injected) {
      case SLOW -> vertx.setTimer(Math.max(1, delayMs), t -> answer(request, normal.get()));
      case TIMEOUT -> { }
      case HTTP_500 -> request.response().setStatusCode(500).putHeader("Content-Type", "text/html")
          .end("<html><body>Internal Server Error</body></html>");
      case DROP -> request.connection().close();
      case MALFORMED -> answer(request, responses.truncated());
    }
  }

  private void answer(HttpServerRequest request, Buffer body) {
    request.response().putHeader("Content-Type", "application/json; charset=utf-8").end(body);
  }

  /** getUnsettledTransactionList: every transaction not settled, newest first, with its invoice number. */
  private Buffer unsettled(JsonObject list) {
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

  private static boolean authenticated(JsonObject request) {
    JsonObject auth = request.getJsonObject("merchantAuthentication", new JsonObject());
    return LOGIN.equals(auth.getString("name")) && KEY.equals(auth.getString("transactionKey"));
  }

  private Buffer process(JsonObject create, JsonObject tx, String type) {
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
    if (card != null && !TEST_CARDS.contains(number)) {
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
    if (DECLINE_ZIP.equals(zip) || (bank != null && amount.compareTo(new BigDecimal("100")) > 0)) {
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

  /** Runs the simulator on the given port (default 23080) until killed. */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 23080;
    AuthorizeNetSimulator simulator = standalone();
    simulator.start(port).await();
    System.out.println("Authorize.Net simulator on " + simulator.endpoint() + " (login " + LOGIN + ")");
  }
}
