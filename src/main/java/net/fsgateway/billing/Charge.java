package net.fsgateway.billing;

import java.math.BigDecimal;

/**
 * What an authorization is for: the amount, our reference for it (the payment journal's attempt id, sent as the
 * order's invoice number, so the processor's reports name the attempt), who pays and where receipts go.
 */
public record Charge(BigDecimal amount, String invoiceNumber, Payer billTo, String email) {

  /** The payer as a processor's address check sees it: the customer's name and the billing address. */
  public record Payer(String first, String last, String company, String address1, String address2, String city,
                      String state, String zip, String country) {

    static Payer of(SignupRequest.Customer customer, SignupRequest.Location bill) {
      return new Payer(customer.first(), customer.last(), customer.company(), bill.address1(), bill.address2(),
          bill.city(), bill.state(), bill.zip(), bill.country());
    }
  }
}
