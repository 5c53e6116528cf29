package net.fsgateway.billing;

import java.util.List;
import java.util.Objects;

/**
 * A validated new_customer call: the customer, the package and account to create, and how the customer pays.
 * Built only by {@link SignupParser}. {@code toString} leaves out the password and payment details.
 *
 * @param domsvc the account's domain by svcnum, or null
 * @param domain the account's domain by name, or '' (both absent: the package's default domain)
 */
public record SignupRequest(Customer customer, List<String> invoicingList, long pkgpart, String username,
                            String password, Long domsvc, String domain, Payment payment) {
  public SignupRequest {
    Objects.requireNonNull(customer, "customer");
    invoicingList = List.copyOf(invoicingList);
    Objects.requireNonNull(payment, "payment");
  }

  /** The customer's name, company, postal address and phones, as sent (trimmed). */
  public record Customer(String first, String last, String company, String address1, String address2,
                         String city, String state, String zip, String country, String daytime, String night,
                         String fax) {
  }

  @Override
  public String toString() {
    return "SignupRequest[pkgpart=" + pkgpart + ", username=" + username + ", payment=" + payment + "]";
  }
}
