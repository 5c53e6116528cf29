package net.fsgateway.billing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country codes from what people type: a two-letter code as is, or an English country name ("Canada",
 * "united states") turned into its ISO 3166 code, as Freeside's ut_country does with Locale::Country.
 */
final class Countries {
  private static final Map<String, String> BY_NAME = byName();

  private Countries() {
  }

  /** The upper-case two-letter code, or empty when the text is neither a code nor a known name. */
  static Optional<String> code(String text) {
    String t = text.strip();
    if (Addresses.twoLetterCode(t)) {
      return Optional.of(t.toUpperCase(Locale.ROOT));
    }
    return Optional.ofNullable(BY_NAME.get(t.toLowerCase(Locale.ROOT)));
  }

  private static Map<String, String> byName() {
    Map<String, String> names = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      names.put(new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH)
          .toLowerCase(Locale.ROOT), code);
    }
    // The names Locale::Country also knows that the JDK spells differently.
    names.put("united states of america", "US");
    names.put("great britain", "GB");
    names.put("korea, republic of", "KR");
    names.put("russian federation", "RU");
    return Map.copyOf(names);
  }
}
