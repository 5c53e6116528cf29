package net.fsgateway.billing;

import java.time.YearMonth;
import net.fsgateway.billing.CardNumbers.CardType;

/** How a new customer pays, validated. {@code toString} never shows the number, CVV or account. */
public sealed interface Payment permits Payment.Card, Payment.Check, Payment.Prepay, Payment.OnDemand,
    Payment.Bill {
  /** Freeside's payby code. */
  String payby();

  /** Whether the first charge is taken at signup; BILL, DCRD and DCHK only keep the details for later billing. */
  default boolean chargedAtSignup() {
    return true;
  }

  /** The name on the card, or the bank's name for a check; '' for prepaid cards. */
  String payname();

  /** payby CARD: a Luhn-valid number of a known type, its expiry month and the CVV ('' when not sent). */
  record Card(String number, CardType type, YearMonth expiry, String cvv, String payname) implements Payment {
    @Override
    public String payby() {
      return "CARD";
    }

    @Override
    public String toString() {
      return "Card[" + type + ", expiry=" + expiry + "]";
    }
  }

  /** payby CHEK: {@code account@routing} with a valid ABA routing number; payname is the bank. */
  record Check(String account, String routing, String payname) implements Payment {
    @Override
    public String payby() {
      return "CHEK";
    }

    public String payinfo() {
      return account + "@" + routing;
    }

    @Override
    public String toString() {
      return "Check[routing=" + routing + "]";
    }
  }

  /** payby PREPAY: a prepaid card identifier, redeemed in the signup transaction. */
  record Prepay(String identifier) implements Payment {
    @Override
    public String payby() {
      return "PREPAY";
    }

    @Override
    public String payname() {
      return "";
    }

    @Override
    public String toString() {
      return "Prepay[]";
    }
  }

  /** payby DCRD or DCHK: a card or check kept (encrypted) for on-demand billing; nothing is charged at signup. */
  record OnDemand(Payment details) implements Payment {
    public OnDemand {
      if (!(details instanceof Card || details instanceof Check)) {
        throw new IllegalArgumentException("on-demand billing keeps a card or a check");
      }
    }

    @Override
    public String payby() {
      return details instanceof Card ? "DCRD" : "DCHK";
    }

    @Override
    public String payname() {
      return details.payname();
    }

    @Override
    public boolean chargedAtSignup() {
      return false;
    }

    @Override
    public String toString() {
      return "OnDemand[" + details + "]";
    }
  }

  /** payby BILL: invoiced, paid later by other means; no payment details. */
  record Bill() implements Payment {
    @Override
    public String payby() {
      return "BILL";
    }

    @Override
    public String payname() {
      return "";
    }

    @Override
    public boolean chargedAtSignup() {
      return false;
    }
  }
}
