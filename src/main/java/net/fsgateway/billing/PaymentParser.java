package net.fsgateway.billing;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fsgateway.billing.CardNumbers.CardType;
import net.fsgateway.config.SignupConfig;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.xmlrpc.XStruct;

/**
 * Reads and checks the billing fields (payby, payinfo, paycvv, paydate, payname) of a new_customer call with
 * Freeside's texts (Signup.pm, cust_payby check). The payment type must be one {@code billing.paybys} allows;
 * the CVV is optional unless {@code billing.requireCvv}. A package's own payment types are checked later
 * ({@link SignupChecks}).
 */
final class PaymentParser {
  static final String ILLEGAL_PAYBY = "Illegal payment type";
  private static final Pattern ECHECK = Pattern.compile("(\\d{4,17})@(\\d{9})");
  private static final Pattern NOT_ECHECK_TEXT = Pattern.compile("[^\\d@.]");
  private static final Pattern PREPAID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private PaymentParser() {
  }

  /** {@code defaultPayname} is the customer's "first last", Freeside's name on a card sent without payname. */
  static Payment parse(XStruct p, YearMonth now, String defaultPayname, SignupConfig rules) {
    String payby = Fields.trimmed(p, "payby");
    if (!rules.paybys().contains(payby)) {
      throw new SignupRejected(ILLEGAL_PAYBY);
    }
    String payinfo = Fields.trimmed(p, "payinfo");
    String payname = Fields.trimmed(p, "payname");
    return switch (payby) {
      case "CARD" -> card(p, payinfo, payname, defaultPayname, now, rules.requireCvv());
      case "DCRD" -> new Payment.OnDemand(card(p, payinfo, payname, defaultPayname, now, rules.requireCvv()));
      case "CHEK" -> check(payinfo, payname);
      case "DCHK" -> new Payment.OnDemand(check(payinfo, payname));
      case "PREPAY" -> {
        if (!PREPAID.matcher(payinfo).matches()) {
          throw new SignupRejected(SignupRejected.INVALID_PREPAID);
        }
        yield new Payment.Prepay(payinfo);
      }
      case "BILL" -> new Payment.Bill();
      default -> throw new SignupRejected(ILLEGAL_PAYBY);
    };
  }

  private static Payment.Card card(XStruct p, String payinfo, String payname, String defaultPayname,
                                   YearMonth now, boolean requireCvv) {
    String paycvv = Fields.trimmed(p, "paycvv");
    if (paycvv.isEmpty() && requireCvv) {
      throw new SignupRejected("CVV2 is required");
    }
    String number = CharClasses.onlyDigits(payinfo);
    if (number.length() < 13 || number.length() > 19 || !CardNumbers.luhn(number)) {
      throw new SignupRejected("Invalid credit card number");
    }
    CardType type = CardNumbers.type(number).orElseThrow(() -> new SignupRejected("Unknown card type"));
    if (!paycvv.isEmpty() && !CharClasses.digits(paycvv, type.cvvLength(), type.cvvLength())) {
      throw new SignupRejected(type == CardType.AMEX ? "CVV2 (CID) for American Express cards is four digits."
          : "CVV2 (CVC2/CID) is three digits.");
    }
    String paydate = Fields.trimmed(p, "paydate");
    if (paydate.isEmpty() || paydate.equals("-")) {
      throw new SignupRejected("Expiration date required");
    }
    YearMonth expiry = ExpiryDates.parse(paydate)
        .orElseThrow(() -> new SignupRejected("Illegal expiration date: " + paydate));
    if (ExpiryDates.expired(expiry, now)) {
      throw new SignupRejected("Expired card");
    }
    String name = payname.isEmpty() ? defaultPayname : payname;
    if (!CharClasses.CARD_NAME.matchesAllOrEmpty(name) || name.length() > LocationParser.MAX) {
      throw FieldTexts.illegalName("payname", name);
    }
    return new Payment.Card(number, type, expiry, paycvv, name);
  }

  /** account@aba as Freeside's US electronic checks; the ABA number must also pass its check digit. */
  private static Payment.Check check(String payinfo, String payname) {
    Matcher m = ECHECK.matcher(NOT_ECHECK_TEXT.matcher(payinfo).replaceAll(""));
    if (!m.matches() || !RoutingNumbers.valid(m.group(2))) {
      throw new SignupRejected("invalid echeck account@aba");
    }
    if (!CharClasses.CHECK_NAME.matchesAllOrEmpty(payname) || payname.length() > LocationParser.MAX) {
      throw FieldTexts.illegalName("payname", payname);
    }
    return new Payment.Check(m.group(1), m.group(2), payname);
  }
}
