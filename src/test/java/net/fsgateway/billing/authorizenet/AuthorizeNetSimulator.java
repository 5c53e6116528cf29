package net.fsgateway.billing.authorizenet;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final AtomicReference<SimulatorFault> fault = new AtomicReference<>();
  private volatile String faultType;
  private final AtomicInteger faultTimes = new AtomicInteger();
  private volatile long delayMs;
  private final SimulatorResponses responses = new SimulatorResponses();
  private final SimulatorLedger ledger = new SimulatorLedger();

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
    ledger.holdForReview(hold);
  }

  public List<SimulatedTransaction> transactions() {
    return ledger.transactions();
  }

  public SimulatedTransaction transaction(String transId) {
    return ledger.transaction(transId);
  }

  public int requestCount(String transactionType) {
    return requests.computeIfAbsent(transactionType, t -> new AtomicInteger()).get();
  }

  public void reset() {
    ledger.clear();
    requests.clear();
    clearFaults();
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
          answer(request, ledger.unsettled(list));
        } else {
          misbehave(request, injected, () -> ledger.unsettled(list));
        }
        return;
      }
      JsonObject create = json.getJsonObject("createTransactionRequest", new JsonObject());
      JsonObject tx = create.getJsonObject("transactionRequest", new JsonObject());
      String type = tx.getString("transactionType", "");
      requests.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
      SimulatorFault injected = takeFault(type);
      if (injected == null) {
        answer(request, ledger.process(create, tx, type));
      } else {
        misbehave(request, injected, () -> ledger.process(create, tx, type));
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

  /** Runs the simulator on the given port (default 23080) until killed. */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 23080;
    AuthorizeNetSimulator simulator = standalone();
    simulator.start(port).await();
    System.out.println("Authorize.Net simulator on " + simulator.endpoint() + " (login " + LOGIN + ")");
  }
}
