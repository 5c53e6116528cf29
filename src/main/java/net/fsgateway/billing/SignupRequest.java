package net.fsgateway.billing;

import java.util.List;
import java.util.Objects;

/**
 * A validated new_customer call: the customer, its billing and (optional) service location, the package and
 * account to create, and how the customer pays. Built only by {@link SignupParser}. {@code toString} leaves out
 * the password, the SSN and payment details.
 *
 * @param ship the service location when one different from the billing address was sent, else null
 * @param domsvc the account's domain by svcnum, or null
 * @param domain the account's domain by name, or '' (both absent: the package's default domain)
 * @param promoCode a promotional code the package must carry, or ''
 * @param regCode a registration code to consume, or ''
 */
public record SignupRequest(Customer customer, Location bill, Location ship, List<String> invoicingList,
                            long pkgpart, String username, String password, String secPhrase, Long domsvc,
                            String domain, String promoCode, String regCode, Payment payment) {
  public SignupRequest {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(bill, "bill");
    invoicingList = List.copyOf(invoicingList);
    Objects.requireNonNull(payment, "payment");
  }

  /**
   * The customer's own fields as Freeside keeps them (trimmed, phones normalised).
   *
   * @param ss the social security number as nnn-nn-nnnn, or '' (stored encrypted only)
   * @param referralCustnum the referring customer (this reseller's), or null
   * @param refnum the advertising source, or null for billing.defaultRefnum
   */
  public record Customer(String first, String last, String company, String daytime, String night, String fax,
                         String mobile, String comments, String stateid, String stateidState, String ss,
                         String locale, Long referralCustnum, Long refnum) {
    @Override
    public String toString() {
      return "Customer[" + first + " " + last + ", ss=" + (ss.isEmpty() ? "" : "***") + "]";
    }
  }

  /** A postal address as Freeside's cust_location keeps it. */
  public record Location(String locationname, String address1, String address2, String city, String county,
                         String state, String zip, String country) {
  }

  @Override
  public String toString() {
    return "SignupRequest[pkgpart=" + pkgpart + ", username=" + username + ", payment=" + payment + "]";
  }
}
