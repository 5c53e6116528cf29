package net.fsgateway.billing;

import java.time.YearMonth;
import java.util.regex.Pattern;
import net.fsgateway.billing.CardNumbers.CardType;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.xmlrpc.XStruct;

/** Reads and checks the billing fields (payby, payinfo, paycvv, paydate, payname) of a new_customer call. */
final class PaymentParser {
  private static final Pattern ACCOUNT = Pattern.compile("\\d{4,17}");
  private static final Pattern CVV = Pattern.compile("\\d{3,4}");
  private static final Pattern PREPAID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private PaymentParser() {
  }

  /** {@code defaultPayname} is the customer's "first last", Freeside's name on a card sent without payname. */
  static Payment parse(XStruct p, YearMonth now, String defaultPayname) {
    String payby = Fields.trimmed(p, "payby");
    String payinfo = Fields.trimmed(p, "payinfo");
    String payname = Fields.trimmed(p, "payname");
    if (payby.equals("CARD")) {
      return card(payinfo, Fields.trimmed(p, "paydate"), Fields.trimmed(p, "paycvv"),
          payname.isEmpty() ? defaultPayname : payname, now);
    }
    if (payby.equals("CHEK")) {
      return check(payinfo, payname);
    }
    if (payby.equals("PREPAY")) {
      if (!PREPAID.matcher(payinfo).matches()) {
        throw new SignupRejected("payinfo: a prepaid card number is required");
      }
      return new Payment.Prepay(payinfo);
    }
    throw new SignupRejected("payby: Illegal payment type (must be CARD, CHEK or PREPAY)");
  }

  private static Payment.Card card(String payinfo, String paydate, String paycvv, String payname, YearMonth now) {
    String number = CardNumbers.normalize(payinfo);
    if (number.isEmpty()) {
      throw new SignupRejected("payinfo: a credit card number is required");
    }
    if (!number.chars().allMatch(Character::isDigit) || number.length() < 13 || number.length() > 19
        || !CardNumbers.luhn(number)) {
      throw new SignupRejected("payinfo: Illegal (mistyped?) credit card number");
    }
    CardType type = CardNumbers.type(number)
        .orElseThrow(() -> new SignupRejected("payinfo: Unknown card type"));
    if (paydate.isEmpty()) {
      throw new SignupRejected("paydate: Expiration date required");
    }
    YearMonth expiry = ExpiryDates.parse(paydate)
        .orElseThrow(() -> new SignupRejected("paydate: Illegal expiration date (use mm/yyyy, m/yyyy, mm/yy or m/yy)"));
    if (ExpiryDates.expired(expiry, now)) {
      throw new SignupRejected("paydate: Expired card");
    }
    if (!CVV.matcher(paycvv).matches() || paycvv.length() != type.cvvLength()) {
      throw new SignupRejected("paycvv: CVV must be " + type.cvvLength() + " digits for this card type");
    }
    if (!Addresses.freeText(payname, 80)) {
      throw new SignupRejected("payname: the exact name on the card, at most 80 characters");
    }
    return new Payment.Card(number, type, expiry, paycvv, payname);
  }

  private static Payment.Check check(String payinfo, String payname) {
    int at = payinfo.indexOf('@');
    if (at < 0) {
      throw new SignupRejected("payinfo: electronic check must be account_number@routing_number");
    }
    String account = payinfo.substring(0, at).strip();
    String routing = payinfo.substring(at + 1).strip();
    if (!ACCOUNT.matcher(account).matches()) {
      throw new SignupRejected("payinfo: Illegal account number (4 to 17 digits)");
    }
    if (!RoutingNumbers.valid(routing)) {
      throw new SignupRejected("payinfo: Illegal ABA/routing number");
    }
    if (payname.isEmpty() || !Addresses.freeText(payname, 80)) {
      throw new SignupRejected("payname: the bank name is required for electronic checks");
    }
    return new Payment.Check(account, routing, payname);
  }
}
