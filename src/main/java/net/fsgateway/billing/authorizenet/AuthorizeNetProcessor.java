package net.fsgateway.billing.authorizenet;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.math.BigDecimal;
import java.util.Set;
import net.fsgateway.billing.Charge;
import net.fsgateway.billing.Payment;
import net.fsgateway.billing.PaymentProcessor;
import net.fsgateway.billing.PaymentResult;
import net.fsgateway.billing.ProcessorRefusal;
import net.fsgateway.billing.ProcessorUnavailable;
import net.fsgateway.config.PaymentsConfig;

/**
 * Authorize.Net's JSON API (createTransactionRequest): authOnlyTransaction, then priorAuthCaptureTransaction or
 * voidTransaction, over a bounded, keep-alive WebClient pool. Transport failures, HTTP errors and answers that are
 * not its JSON fail with {@link ProcessorUnavailable}; everything the processor itself decides is an answer.
 */
public final class AuthorizeNetProcessor implements PaymentProcessor {
  static final String ALREADY_VOIDED = "310";
  static final String ALREADY_CAPTURED = "311";
  static final Set<String> OPEN_STATES = Set.of("authorizedPendingCapture", "FDSPendingReview",
      "FDSAuthorizedPendingReview");

  private final WebClient client;
  private final String endpoint;
  private final AuthorizeNetRequests requests;
  private final boolean approveHeldForReview;

  public AuthorizeNetProcessor(Vertx vertx, PaymentsConfig config, int timeoutMs) {
    WebClientOptions options = new WebClientOptions().setKeepAlive(true).setConnectTimeout(timeoutMs)
        .setIdleTimeout(60).setUserAgent("fs-gateway");
    this.client = WebClient.create(vertx, options, new PoolOptions().setHttp1MaxSize(config.maxConnections())
        .setMaxWaitQueueSize(config.maxConnections() * 64));
    this.endpoint = config.endpoint();
    this.requests = new AuthorizeNetRequests(config.apiLoginId(), config.transactionKey(),
        config.duplicateWindowSeconds());
    this.approveHeldForReview = config.approveHeldForReview();
  }

  @Override
  public Future<PaymentResult> authorize(Payment payment, Charge charge) {
    return post(requests.authOnly(payment, charge)).map(this::result);
  }

  @Override
  public Future<Void> capture(String reference, BigDecimal amount) {
    return post(requests.priorAuthCapture(reference, amount)).map(answer -> settled(answer, ALREADY_CAPTURED));
  }

  @Override
  public Future<Void> voidAuthorization(String reference, BigDecimal amount) {
    return post(requests.voidTransaction(reference)).map(answer -> settled(answer, ALREADY_VOIDED));
  }

  /**
   * Looks through the newest 1,000 unsettled transactions for an open authorization with this invoice number
   * (authorized pending capture, or held for review).
   */
  @Override
  public Future<String> findAuthorization(String invoiceNumber) {
    return postJson(requests.unsettledTransactions()).map(json -> {
      if (!"Ok".equals(json.getJsonObject("messages").getString("resultCode"))) {
        throw new ProcessorRefusal(AuthorizeNetAnswer.messageText(json));
      }
      JsonArray transactions = json.getJsonArray("transactions", new JsonArray());
      for (Object item : transactions) {
        if (item instanceof JsonObject tx && invoiceNumber.equals(tx.getString("invoiceNumber"))
            && OPEN_STATES.contains(tx.getString("transactionStatus", ""))) {
          return tx.getString("transId", "");
        }
      }
      return "";
    });
  }

  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }

  private PaymentResult result(AuthorizeNetAnswer answer) {
    return switch (answer.responseCode()) {
      case "1" -> PaymentResult.approved(answer.transId());
      case "2" -> PaymentResult.declined(answer.reason());
      // Held for review: the money is authorized pending the merchant's review. Unless the operator accepts
      // those, it is declined; its reference is kept so the signup voids the hold.
      case "4" -> approveHeldForReview ? PaymentResult.approved(answer.transId())
          : new PaymentResult(PaymentResult.Outcome.DECLINED, answer.transId(), "held for review");
      default -> PaymentResult.error(answer.reason().isEmpty() ? "error " + answer.errorCode() : answer.reason());
    };
  }

  private static Void settled(AuthorizeNetAnswer answer, String alreadyDone) {
    if ("1".equals(answer.responseCode()) || alreadyDone.equals(answer.errorCode())) {
      return null;
    }
    throw new ProcessorRefusal(answer.reason());
  }

  private Future<AuthorizeNetAnswer> post(JsonObject body) {
    return postJson(body).map(AuthorizeNetAnswer::of);
  }

  private Future<JsonObject> postJson(JsonObject body) {
    return client.postAbs(endpoint).putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer())
        .recover(transport -> Future.failedFuture(new ProcessorUnavailable("the payment processor is unreachable: "
            + transport.getClass().getSimpleName())))
        .map(response -> {
          if (response.statusCode() != 200) {
            throw new ProcessorUnavailable("the payment processor answered HTTP " + response.statusCode());
          }
          return AuthorizeNetAnswer.json(response.bodyAsBuffer() == null ? io.vertx.core.buffer.Buffer.buffer()
              : response.bodyAsBuffer());
        });
  }
}
