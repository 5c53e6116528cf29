package net.fsgateway.billing;

import java.math.BigDecimal;

/**
 * What an authorization is for: the amount, our reference for it (the payment journal's attempt id, sent as the
 * order's invoice number, so the processor's reports name the attempt), who pays and where receipts go.
 */
public record Charge(BigDecimal amount, String invoiceNumber, SignupRequest.Customer billTo, String email) {
}
