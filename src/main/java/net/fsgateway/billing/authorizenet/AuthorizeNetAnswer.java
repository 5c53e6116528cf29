package net.fsgateway.billing.authorizenet;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import net.fsgateway.billing.ProcessorUnavailable;

/**
 * What matters in a createTransactionResponse. The real service starts its JSON with a UTF-8 byte-order mark,
 * which a JSON parser refuses, so it is skipped. Authentication and validation failures are HTTP 200 with
 * {@code messages.resultCode} {@code Error} and no transactionResponse.
 *
 * @param resultCode   {@code Ok} or {@code Error}
 * @param responseCode the transaction's: 1 approved, 2 declined, 3 error, 4 held for review; '' when absent
 * @param transId      the processor's reference; '' or "0" when nothing was created
 * @param errorCode    the transaction's first error code ('' when none)
 * @param reason       the reason text to show (the transaction's error, else the request's message), never card
 *                     data: runs of 8 or more digits are masked
 */
record AuthorizeNetAnswer(String resultCode, String responseCode, String transId, String errorCode, String reason) {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final Pattern LONG_NUMBER = Pattern.compile("\\d{8,}");

  static AuthorizeNetAnswer parse(Buffer body) {
    return of(json(body));
  }

  /** Any of the service's answers as JSON (byte-order mark skipped), with a resultCode. */
  static JsonObject json(Buffer body) {
    JsonObject json;
    try {
      json = new JsonObject(withoutBom(body).toString(StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException e) {
      throw new ProcessorUnavailable("the payment processor's answer is not JSON");
    }
    JsonObject messages = json.getJsonObject("messages");
    if (messages == null || messages.getString("resultCode") == null) {
      throw new ProcessorUnavailable("the payment processor's answer has no resultCode");
    }
    return json;
  }

  /** The first message's text of an answer (masked like a reason). */
  static String messageText(JsonObject json) {
    JsonObject message = first(json.getJsonObject("messages").getJsonArray("message"));
    return message == null ? "" : LONG_NUMBER.matcher(message.getString("text", "")).replaceAll("…");
  }

  static AuthorizeNetAnswer of(JsonObject json) {
    JsonObject messages = json.getJsonObject("messages");
    JsonObject tx = json.getJsonObject("transactionResponse", new JsonObject());
    JsonObject error = first(tx.getJsonArray("errors"));
    JsonObject txMessage = first(tx.getJsonArray("messages"));
    JsonObject message = first(messages.getJsonArray("message"));
    String reason = error != null ? error.getString("errorText", "")
        : txMessage != null ? txMessage.getString("description", "")
        : message != null ? message.getString("text", "") : "";
    return new AuthorizeNetAnswer(messages.getString("resultCode"), tx.getString("responseCode", ""),
        tx.getString("transId", ""), error == null ? "" : error.getString("errorCode", ""),
        LONG_NUMBER.matcher(reason).replaceAll("…"));
  }

  boolean hasTransaction() {
    return !responseCode.isEmpty();
  }

  private static JsonObject first(JsonArray array) {
    return array == null || array.isEmpty() || !(array.getValue(0) instanceof JsonObject o) ? null : o;
  }

  private static Buffer withoutBom(Buffer body) {
    if (body.length() >= 3 && body.getByte(0) == BOM[0] && body.getByte(1) == BOM[1] && body.getByte(2) == BOM[2]) {
      return body.getBuffer(3, body.length());
    }
    return body;
  }
}
