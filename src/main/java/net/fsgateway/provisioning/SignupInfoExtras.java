package net.fsgateway.provisioning;

import java.util.List;
import java.util.Map;
import net.fsgateway.xmlrpc.XStruct;

/**
 * The keys of Freeside's signup_info that describe its form and configuration rather than the agent's data, with
 * the values a Freeside without those options answers: signup forms written for Freeside's self-service read them
 * (e.g. {@code msgcat} for their client-side messages, {@code label} for the driver's licence fields). Styling
 * ({@code body_bgcolor}, {@code head}…) and the logo are left out: the gateway serves no pages.
 */
final class SignupInfoExtras {
  /** Freeside's message catalogue entries that signup_info carries, in en_US. */
  private static final Map<String, String> MSGCAT = Map.of("passwords_dont_match", "Passwords don't match",
      "invalid_card", "Invalid credit card number", "unknown_card_type", "Unknown card type", "not_a", "Not a ",
      "empty_password", "Empty password", "illegal_or_empty_text", "Illegal or empty (text)");
  private static final Map<String, String> LABELS = Map.of("stateid", "Driver's License",
      "stateid_state", "Driver's License State");
  /** Flags and settings the gateway has no option for: '' as Freeside answers an unset one. */
  private static final List<String> UNSET = List.of("emailinvoiceonly", "paystate_enabled", "no_company",
      "recommend_daytime", "recommend_email", "default_svcpart", "default_domsvc", "company_name",
      "prepaid_template_custnum");

  private SignupInfoExtras() {
  }

  /** Adds the extras; {@code paybys} for hide_payment_fields (0 each: no third-party payment pages). */
  static void addTo(XStruct.Builder info, List<String> paybys) {
    UNSET.forEach(key -> info.put(key, ""));
    info.put("stateid_enabled", "1"); // the gateway keeps stateid/stateid_state
    info.put("paytypes", PackageEntries.strings(List.of("", "Personal checking", "Personal savings",
        "Business checking", "Business savings")));
    info.put("exempt_groups", PackageEntries.strings(List.of()));
    info.put("hide_payment_fields", PackageEntries.strings(paybys.stream().map(payby -> "0").toList()));
    info.put("msgcat", struct(MSGCAT));
    info.put("label", struct(LABELS));
  }

  private static XStruct struct(Map<String, String> entries) {
    XStruct.Builder out = XStruct.builder();
    entries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out.build();
  }
}
