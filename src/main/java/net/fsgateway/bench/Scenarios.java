package net.fsgateway.bench;

import java.util.List;

/** The scenarios by their {@code --scenario} name. */
public final class Scenarios {
  public static final List<String> NAMES = List.of("check_username", "new_customer", "mixed", "agent_login", "agent_info",
      "signup_info", "canned");

  private Scenarios() {
  }

  public static Scenario create(BenchSettings settings) {
    switch (settings.scenario()) {
      case "check_username":
        return new CheckUsernameScenario(settings);
      case "new_customer":
        return new NewCustomerScenario(settings);
      case "mixed":
        return new MixedScenario(settings);
      case "agent_info":
      case "signup_info":
        return new SessionReadScenario(settings, settings.scenario());
      case "agent_login":
        return FixedCallScenario.logins(settings);
      case "canned":
        return FixedCallScenario.canned();
      default:
        throw new IllegalArgumentException("unknown scenario '" + settings.scenario() + "', one of " + NAMES);
    }
  }
}
