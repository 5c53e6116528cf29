package net.fsgateway.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import net.fsgateway.billing.CardNumbers.CardType;
import org.junit.jupiter.api.Test;

class ValidatorsTest {
  @Test
  void luhnAndCardTypes() {
    assertThat(CardNumbers.luhn("4111111111111111")).isTrue();
    assertThat(CardNumbers.luhn("4111111111111112")).isFalse();
    assertThat(CardNumbers.luhn("")).isFalse();
    assertThat(CardNumbers.luhn("41x1")).isFalse();
    assertThat(CardNumbers.type("4111111111111111")).contains(CardType.VISA);
    assertThat(CardNumbers.type("5555555555554444")).contains(CardType.MASTERCARD);
    assertThat(CardNumbers.type("2223003122003222")).contains(CardType.MASTERCARD);
    assertThat(CardNumbers.type("378282246310005")).contains(CardType.AMEX);
    assertThat(CardNumbers.type("6011111111111117")).contains(CardType.DISCOVER);
    assertThat(CardNumbers.type("30569309025904")).contains(CardType.DINERS);
    assertThat(CardNumbers.type("3530111333300000")).contains(CardType.JCB);
    assertThat(CardNumbers.type("1234567812345670")).isEmpty();
    assertThat(CardType.AMEX.cvvLength()).isEqualTo(4);
    assertThat(CardNumbers.normalize("4111 1111-1111 1111")).isEqualTo("4111111111111111");
  }

  @Test
  void expiryInEachDocumentedForm() {
    YearMonth nov = YearMonth.of(2031, 11);
    assertThat(ExpiryDates.parse("11/2031")).contains(nov);
    assertThat(ExpiryDates.parse("11/31")).contains(nov);
    assertThat(ExpiryDates.parse("1/2031")).contains(YearMonth.of(2031, 1));
    assertThat(ExpiryDates.parse("1/31")).contains(YearMonth.of(2031, 1));
    assertThat(ExpiryDates.parse("01/31")).contains(YearMonth.of(2031, 1));
    assertThat(ExpiryDates.parse("13/2031")).isEmpty();
    assertThat(ExpiryDates.parse("0/31")).isEmpty();
    assertThat(ExpiryDates.parse("2031-11")).isEmpty();
    assertThat(ExpiryDates.parse("11/031")).isEmpty();
    // Freeside's other forms: mm-yyyy, m-yy and a date (the day ignored)
    assertThat(ExpiryDates.parse("11-2031")).contains(nov);
    assertThat(ExpiryDates.parse("1-31")).contains(YearMonth.of(2031, 1));
    assertThat(ExpiryDates.parse("2031-11-01")).contains(nov);
    assertThat(ExpiryDates.parse("31-11-30")).contains(nov);
    assertThat(ExpiryDates.parse("2031-13-01")).isEmpty();
    assertThat(ExpiryDates.expired(YearMonth.of(2024, 5), YearMonth.of(2024, 5))).isFalse();
    assertThat(ExpiryDates.expired(YearMonth.of(2024, 4), YearMonth.of(2024, 5))).isTrue();
  }

  @Test
  void abaRoutingChecksum() {
    assertThat(RoutingNumbers.valid("021000021")).isTrue();
    assertThat(RoutingNumbers.valid("011000015")).isTrue();
    assertThat(RoutingNumbers.valid("021000022")).isFalse();
    assertThat(RoutingNumbers.valid("000000000")).isFalse();
    assertThat(RoutingNumbers.valid("02100002")).isFalse();
    assertThat(RoutingNumbers.valid("02100002a")).isFalse();
  }

  @Test
  void addressesAndEmails() {
    assertThat(Addresses.twoLetterCode("CA")).isTrue();
    assertThat(Addresses.twoLetterCode("C1")).isFalse();
    assertThat(Addresses.postalCode("02134", "US")).contains("02134");
    assertThat(Addresses.postalCode("02134-0001", "us")).contains("02134-0001");
    assertThat(Addresses.postalCode("2134", "US")).isEmpty();
    assertThat(Addresses.postalCode("k1a0b1", "CA")).contains("K1A 0B1");
    assertThat(Addresses.postalCode("2000", "AU")).contains("2000");
    assertThat(Addresses.postalCode("", "GB")).contains("");
    assertThat(Addresses.postalCode("SW1A 1AA", "GB")).contains("SW1A 1AA");
    assertThat(Addresses.postalCode("SW1A 1AA!", "GB")).isEmpty();
    assertThat(Addresses.phone("(555) 555.1212 ext 12", "US")).contains("555-555-1212 x12");
    assertThat(Addresses.phone("555-1212", "US")).isEmpty();
    assertThat(Addresses.phone("call me", "CA")).isEmpty();
    assertThat(Addresses.phone("+44 20 7946 0000", "GB")).contains("+44 20 7946 0000");
    assertThat(Addresses.name("O'Brien-Smith Jr.")).isTrue();
    assertThat(Addresses.name("Tofu & Co")).isFalse();
    assertThat(Addresses.text("Apt #4, 2nd floor")).isTrue();
    assertThat(Addresses.text("line\ttwo")).isFalse();
    assertThat(Countries.code("Canada")).contains("CA");
    assertThat(Countries.code("united states")).contains("US");
    assertThat(Countries.code("gb")).contains("GB");
    assertThat(Countries.code("USA")).isEmpty();
    assertThat(Addresses.emailList("a@example.com, b.c+d@mail.example.org")).hasValueSatisfying(
        list -> assertThat(list).containsExactly("a@example.com", "b.c+d@mail.example.org"));
    assertThat(Addresses.emailList("a@example.com, nope")).isEmpty();
    assertThat(Addresses.emailList("")).contains(java.util.List.of());
    assertThat(Addresses.emailList("POST, a@example.com")).hasValueSatisfying(
        list -> assertThat(list).containsExactly("POST", "a@example.com"));
    assertThat(Addresses.emailList("a@localhost")).isEmpty();
    assertThat(Addresses.freeText("line\ttwo\nthree", 80)).isTrue();
    assertThat(Addresses.freeText("bell\u0007", 80)).isFalse();
  }
}
