package net.fsgateway.billing.authorizenet;

import java.math.BigDecimal;

/**
 * One transaction in the simulator's ledger. {@code payment} is the last four digits only: the simulator keeps no
 * card number either.
 */
public record SimulatedTransaction(String transId, String state, BigDecimal amount, String invoiceNumber,
                                   String payment) {
  public static final String AUTHORIZED = "authorized";
  public static final String CAPTURED = "captured";
  public static final String VOIDED = "voided";
  public static final String DECLINED = "declined";
  public static final String HELD = "held";

  SimulatedTransaction withState(String newState) {
    return new SimulatedTransaction(transId, newState, amount, invoiceNumber, payment);
  }
}
