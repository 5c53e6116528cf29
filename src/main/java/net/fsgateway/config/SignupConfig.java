package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code billing.*} settings that shape a signup, as Freeside's signup configuration does: {@code paybys}
 * (Freeside's {@code signup_server-payby}: the payment types new_customer accepts, comma-separated),
 * {@code requireCvv} ({@code signup-require_cvv}), {@code defaultRefnum} ({@code signup_server-default_refnum}: the
 * advertising source of a signup that names none) and {@code countryDefault}/{@code stateDefault} (what
 * signup_info suggests to forms, as Freeside's {@code countrydefault}/{@code statedefault}).
 */
public record SignupConfig(List<String> paybys, boolean requireCvv, long defaultRefnum, String countryDefault,
                           String stateDefault) {
  /** Every payment type the gateway can take at signup; the ones starting with D store details for later. */
  public static final List<String> KNOWN_PAYBYS = List.of("CARD", "DCRD", "CHEK", "DCHK", "PREPAY", "BILL");

  public SignupConfig {
    paybys = List.copyOf(paybys);
    require(!paybys.isEmpty(), "billing.paybys must name at least one payment type");
    require(KNOWN_PAYBYS.containsAll(paybys), "billing.paybys must be a comma-separated list of "
        + String.join(", ", KNOWN_PAYBYS) + "; got " + paybys);
    require(defaultRefnum >= 1, "billing.defaultRefnum must be >= 1 (a part_referral refnum)");
    require(countryDefault.matches("[A-Z]{2}"), "billing.countryDefault must be a 2-letter country code");
    require(stateDefault.length() <= 3, "billing.stateDefault must be a state code (at most 3 characters)");
  }

  static SignupConfig from(ConfigSource s) {
    return new SignupConfig(list(s.string("billing.paybys", "CARD,CHEK,PREPAY")),
        s.bool("billing.requireCvv", false),
        s.integer("billing.defaultRefnum", 1),
        s.string("billing.countryDefault", "US").trim(),
        s.string("billing.stateDefault", "CA").trim());
  }

  /** "CARD,CHEK", "CARD CHEK" or a JSON array's text ["CARD","CHEK"]. */
  private static List<String> list(String text) {
    return Arrays.stream(text.split("[\\s,\"\\[\\]]+")).filter(item -> !item.isEmpty()).distinct().toList();
  }
}
