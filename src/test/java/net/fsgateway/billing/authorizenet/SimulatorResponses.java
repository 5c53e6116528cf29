package net.fsgateway.billing.authorizenet;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** createTransactionResponse bodies as the real service writes them, byte-order mark first. */
final class SimulatorResponses {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  Buffer requestError(String code, String text) {
    return withBom(new JsonObject().put("messages", new JsonObject().put("resultCode", "Error")
        .put("message", new JsonArray().add(new JsonObject().put("code", code).put("text", text)))));
  }

  /** A transactionResponse; {@code errorCode} '' for approvals and holds. */
  Buffer transaction(String responseCode, String transId, String errorCode, String text, String number) {
    JsonObject tx = new JsonObject().put("responseCode", responseCode).put("authCode", "1".equals(responseCode)
            ? "SIM" + transId.substring(Math.max(0, transId.length() - 3)) : "")
        .put("avsResultCode", "Y").put("cvvResultCode", "P").put("transId", transId).put("refTransID", "")
        .put("transHash", "").put("testRequest", "0")
        .put("accountNumber", number.isEmpty() ? "" : "XXXX" + number.substring(Math.max(0, number.length() - 4)))
        .put("accountType", "Visa");
    boolean ok = errorCode.isEmpty();
    if (ok) {
      tx.put("messages", new JsonArray().add(new JsonObject().put("code", "1").put("description", text)));
    } else {
      tx.put("errors", new JsonArray().add(new JsonObject().put("errorCode", errorCode).put("errorText", text)));
    }
    JsonObject messages = ok ? new JsonObject().put("resultCode", "Ok").put("message",
        new JsonArray().add(new JsonObject().put("code", "I00001").put("text", "Successful.")))
        : new JsonObject().put("resultCode", "Error").put("message",
        new JsonArray().add(new JsonObject().put("code", "E00027").put("text", "The transaction was unsuccessful.")));
    return withBom(new JsonObject().put("transactionResponse", tx).put("messages", messages));
  }

  Buffer list(JsonArray transactions) {
    return withBom(new JsonObject().put("transactions", transactions).put("totalNumInResultSet", transactions.size())
        .put("messages", new JsonObject().put("resultCode", "Ok").put("message",
            new JsonArray().add(new JsonObject().put("code", "I00001").put("text", "Successful.")))));
  }

  Buffer truncated() {
    return Buffer.buffer(BOM).appendString("{\"transactionResponse\":{\"responseCode\":\"1\",\"transId\":");
  }

  private static Buffer withBom(JsonObject json) {
    return Buffer.buffer(BOM).appendBuffer(json.toBuffer());
  }
}
