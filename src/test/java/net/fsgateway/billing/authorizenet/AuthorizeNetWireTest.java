package net.fsgateway.billing.authorizenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import net.fsgateway.billing.CardNumbers;
import net.fsgateway.billing.Charge;
import net.fsgateway.billing.Payment;
import net.fsgateway.billing.ProcessorUnavailable;
import org.junit.jupiter.api.Test;

/** The JSON we send to Authorize.Net and how its answers are read, without a network. */
class AuthorizeNetWireTest {
  private static final Charge.Payer TOFU = new Charge.Payer("Tofu", "Beast", "Soy Co",
      "1234 Soybean Ln.", "Apt 2", "Tofutown", "CA", "02134", "US");
  private final AuthorizeNetRequests requests = new AuthorizeNetRequests("login", "key", 0);

  @Test
  void anAuthorizationFollowsTheSchemasElementOrder() {
    Payment card = new Payment.Card("4111111111111111", CardNumbers.CardType.VISA, YearMonth.of(2031, 11), "123",
        "Tofu Beast");
    JsonObject body = requests.authOnly(card, new Charge(new BigDecimal("29.95"), "42", TOFU, "tofu@example.com"));
    JsonObject create = body.getJsonObject("createTransactionRequest");
    assertThat(List.copyOf(create.fieldNames())).containsExactly("merchantAuthentication", "refId",
        "transactionRequest");
    JsonObject tx = create.getJsonObject("transactionRequest");
    assertThat(List.copyOf(tx.fieldNames())).containsExactly("transactionType", "amount", "payment", "order",
        "customer", "billTo", "transactionSettings");
    assertThat(tx.getString("transactionType")).isEqualTo("authOnlyTransaction");
    assertThat(tx.getString("amount")).isEqualTo("29.95");
    assertThat(tx.getJsonObject("payment").getJsonObject("creditCard").getString("expirationDate"))
        .isEqualTo("2031-11");
    assertThat(tx.getJsonObject("order").getString("invoiceNumber")).isEqualTo("42");
    assertThat(List.copyOf(tx.getJsonObject("billTo").fieldNames())).containsExactly("firstName", "lastName",
        "company", "address", "city", "state", "zip", "country");
    assertThat(tx.getJsonObject("billTo").getString("address")).isEqualTo("1234 Soybean Ln. Apt 2");
    JsonObject setting = tx.getJsonObject("transactionSettings").getJsonArray("setting").getJsonObject(0);
    assertThat(setting.getString("settingName")).isEqualTo("duplicateWindow");
    assertThat(setting.getString("settingValue")).isEqualTo("0");
  }

  @Test
  void anEcheckIsAWebBankAccountNamedByPayname() {
    Payment check = new Payment.Check("12345678", "021000021", "First National Bank of Somewhere Far");
    JsonObject bank = requests.authOnly(check, new Charge(new BigDecimal("5"), "7", TOFU, ""))
        .getJsonObject("createTransactionRequest").getJsonObject("transactionRequest").getJsonObject("payment")
        .getJsonObject("bankAccount");
    assertThat(List.copyOf(bank.fieldNames())).containsExactly("accountType", "routingNumber", "accountNumber",
        "nameOnAccount", "echeckType");
    assertThat(bank.getString("nameOnAccount")).hasSize(22);
    assertThat(bank.getString("echeckType")).isEqualTo("WEB");
  }

  @Test
  void answersStartingWithAByteOrderMarkAreRead() {
    Buffer body = Buffer.buffer(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})
        .appendString("{\"transactionResponse\":{\"responseCode\":\"1\",\"transId\":\"60001\"},"
            + "\"messages\":{\"resultCode\":\"Ok\",\"message\":[{\"code\":\"I00001\",\"text\":\"Successful.\"}]}}",
            "UTF-8");
    AuthorizeNetAnswer answer = AuthorizeNetAnswer.parse(body);
    assertThat(answer.responseCode()).isEqualTo("1");
    assertThat(answer.transId()).isEqualTo("60001");
  }

  @Test
  void anAuthenticationErrorIsResultCodeErrorWithItsText() {
    AuthorizeNetAnswer answer = AuthorizeNetAnswer.parse(new SimulatorResponses().requestError("E00007",
        "User authentication failed due to invalid authentication values."));
    assertThat(answer.resultCode()).isEqualTo("Error");
    assertThat(answer.hasTransaction()).isFalse();
    assertThat(answer.reason()).isEqualTo("User authentication failed due to invalid authentication values.");
  }

  @Test
  void longDigitRunsInAReasonAreMaskedAndBrokenJsonIsUnavailable() {
    AuthorizeNetAnswer answer = AuthorizeNetAnswer.parse(new SimulatorResponses().transaction("3", "0", "6",
        "Card 4111111111111111 is invalid.", "4111111111111111"));
    assertThat(answer.reason()).isEqualTo("Card … is invalid.");
    assertThatThrownBy(() -> AuthorizeNetAnswer.parse(new SimulatorResponses().truncated()))
        .isInstanceOf(ProcessorUnavailable.class);
    assertThatThrownBy(() -> AuthorizeNetAnswer.parse(Buffer.buffer("<html>", StandardCharsets.UTF_8.name())))
        .isInstanceOf(ProcessorUnavailable.class);
  }
}
