package net.fsgateway.admin;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin regcode create}, {@code admin referral create}, {@code admin location add}: registration codes,
 * advertising sources and the locations customers may have, as Freeside's reg_code, part_referral and
 * cust_main_county.
 */
final class CatalogCommands {
  private CatalogCommands() {
  }

  @Command(name = "regcode", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Registration codes: each is consumed by the one signup that uses it.",
      subcommands = RegCodeCreate.class)
  static final class RegCode {
  }

  @Command(name = "create", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Create registration codes for an agent's customers; prints one code per line.")
  static final class RegCodeCreate extends AdminAction {
    @Option(names = "--agent", required = true, paramLabel = "USERNAME")
    String agent;

    @Option(names = "--pkgpart", required = true, description = "A package the code grants (repeat for more).")
    List<Long> pkgparts;

    @Option(names = "--count", defaultValue = "1", description = "How many codes (default 1, at most 10000).")
    int count;

    @Override
    void prepare() {
      Validation.range("--count", count, 1, 10_000);
    }

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      for (String code : store.catalog().createRegCodes(agent, List.copyOf(pkgparts), count)) {
        out.println(code);
      }
    }
  }

  @Command(name = "referral", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Advertising sources (part_referral).", subcommands = ReferralCreate.class)
  static final class Referral {
  }

  @Command(name = "create", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Create an advertising source; prints its refnum.")
  static final class ReferralCreate extends AdminAction {
    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--agent", paramLabel = "USERNAME", description = "Only this agent's customers may name it.")
    String agent;

    @Override
    void prepare() {
      name = Validation.text("--name", name);
    }

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      out.println(store.catalog().createReferral(name, agent));
    }
  }

  @Command(name = "location", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "The locations customers may have (cust_main_county).", subcommands = LocationAdd.class)
  static final class Location {
  }

  @Command(name = "add", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Allow a country (without --state: any state), or one of its states or counties.")
  static final class LocationAdd extends AdminAction {
    @Option(names = "--country", required = true, description = "Two-letter code, e.g. AU.")
    String country;

    @Option(names = "--state", defaultValue = "")
    String state;

    @Option(names = "--county", defaultValue = "")
    String county;

    @Override
    void prepare() {
      country = country.trim().toUpperCase(Locale.ROOT);
      if (!country.matches("[A-Z]{2}")) {
        throw new AdminException("--country must be a two-letter country code");
      }
      state = state.isBlank() ? "" : Validation.text("--state", state.trim().toUpperCase(Locale.ROOT));
      county = county.isBlank() ? "" : Validation.text("--county", county.trim());
    }

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      boolean added = store.catalog().addLocation(country, state, county);
      out.println((added ? "added " : "already there: ") + country + "/" + state + "/" + county);
    }
  }
}
