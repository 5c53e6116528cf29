package net.fsgateway.billing.authorizenet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import net.fsgateway.billing.Charge;
import net.fsgateway.billing.Payment;

/**
 * The createTransactionRequest bodies. Authorize.Net validates its JSON against the order of its XML schema, so
 * every object is built in the schema's element order (JsonObject keeps insertion order), and every text is cut
 * to the schema's maximum length (a longer one would be refused as a whole).
 */
final class AuthorizeNetRequests {
  private final String apiLoginId;
  private final String transactionKey;
  private final int duplicateWindowSeconds;

  AuthorizeNetRequests(String apiLoginId, String transactionKey, int duplicateWindowSeconds) {
    this.apiLoginId = apiLoginId;
    this.transactionKey = transactionKey;
    this.duplicateWindowSeconds = duplicateWindowSeconds;
  }

  JsonObject authOnly(Payment payment, Charge charge) {
    JsonObject request = new JsonObject()
        .put("transactionType", "authOnlyTransaction")
        .put("amount", amount(charge.amount()))
        .put("payment", payment(payment))
        .put("order", new JsonObject().put("invoiceNumber", cut(charge.invoiceNumber(), 20))
            .put("description", "signup"));
    if (!charge.email().isEmpty()) {
      request.put("customer", new JsonObject().put("email", cut(charge.email(), 255)));
    }
    request.put("billTo", billTo(charge.billTo()))
        .put("transactionSettings", new JsonObject().put("setting", new JsonArray().add(new JsonObject()
            .put("settingName", "duplicateWindow").put("settingValue", Integer.toString(duplicateWindowSeconds)))));
    return envelope(charge.invoiceNumber(), request);
  }

  JsonObject priorAuthCapture(String reference, BigDecimal amount) {
    return envelope("", new JsonObject().put("transactionType", "priorAuthCaptureTransaction")
        .put("amount", amount(amount)).put("refTransId", reference));
  }

  JsonObject voidTransaction(String reference) {
    return envelope("", new JsonObject().put("transactionType", "voidTransaction").put("refTransId", reference));
  }

  /**
   * The merchant's transactions not yet settled, newest first (getUnsettledTransactionListRequest, the
   * Transaction Details API): where an authorization whose answer we never got can be found by invoice number.
   */
  JsonObject unsettledTransactions() {
    return new JsonObject().put("getUnsettledTransactionListRequest", new JsonObject()
        .put("merchantAuthentication", new JsonObject().put("name", apiLoginId).put("transactionKey", transactionKey))
        .put("sorting", new JsonObject().put("orderBy", "submitTimeUTC").put("orderDescending", true))
        .put("paging", new JsonObject().put("limit", 1000).put("offset", 1)));
  }

  private JsonObject envelope(String refId, JsonObject transactionRequest) {
    JsonObject body = new JsonObject().put("merchantAuthentication",
        new JsonObject().put("name", apiLoginId).put("transactionKey", transactionKey));
    if (!refId.isEmpty()) {
      body.put("refId", cut(refId, 20));
    }
    return new JsonObject().put("createTransactionRequest", body.put("transactionRequest", transactionRequest));
  }

  private static JsonObject payment(Payment payment) {
    if (payment instanceof Payment.Card card) {
      return new JsonObject().put("creditCard", new JsonObject().put("cardNumber", card.number())
          .put("expirationDate", card.expiry().toString()).put("cardCode", card.cvv()));
    }
    if (payment instanceof Payment.Check check) {
      return new JsonObject().put("bankAccount", new JsonObject().put("accountType", "checking")
          .put("routingNumber", check.routing()).put("accountNumber", check.account())
          .put("nameOnAccount", cut(check.payname(), 22)).put("echeckType", "WEB"));
    }
    throw new IllegalArgumentException("no processor payment for " + payment.payby());
  }

  private static JsonObject billTo(Charge.Payer c) {
    JsonObject billTo = new JsonObject().put("firstName", cut(c.first(), 50)).put("lastName", cut(c.last(), 50));
    if (!c.company().isEmpty()) {
      billTo.put("company", cut(c.company(), 50));
    }
    String address = c.address2().isEmpty() ? c.address1() : c.address1() + " " + c.address2();
    return billTo.put("address", cut(address, 60)).put("city", cut(c.city(), 40)).put("state", cut(c.state(), 40))
        .put("zip", cut(c.zip(), 20)).put("country", cut(c.country(), 60));
  }

  private static String amount(BigDecimal amount) {
    return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
