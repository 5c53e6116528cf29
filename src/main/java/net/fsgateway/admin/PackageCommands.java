package net.fsgateway.admin;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import net.fsgateway.config.SignupConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin package create|allow|signup}: what can be sold, which agent may sell it, and how it is bought. */
@Command(name = "package", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
    description = "Packages (part_pkg) and what each agent may sell.",
    subcommands = {PackageCommands.Create.class, PackageCommands.Allow.class, PackageCommands.Signup.class})
final class PackageCommands {

  @Command(name = "create", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Create a package; prints its pkgpart.")
  static final class Create extends AdminAction {
    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--setup", required = true, description = "One-time setup fee, e.g. 10.00.")
    String setup;

    @Option(names = "--recur", required = true, description = "Recurring fee, e.g. 19.95.")
    String recur;

    @Option(names = "--freq", defaultValue = "1", description = "Months between charges; 0 = one-time (default 1).")
    int freq;

    @Option(names = "--default-domain", description = "Domain that new accounts of this package go in.")
    String defaultDomain;

    @Override
    void prepare() {
      name = Validation.text("--name", name);
      Validation.money("--setup", setup);
      Validation.money("--recur", recur);
      Validation.range("--freq", freq, 0, 120);
      if (defaultDomain != null) {
        defaultDomain = Validation.domain("--default-domain", defaultDomain);
      }
    }

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      out.println(store.createPackage(name, Validation.money("--setup", setup), Validation.money("--recur", recur),
          freq, defaultDomain));
    }
  }

  @Command(name = "allow", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Allow an agent to sell a package.")
  static final class Allow extends AdminAction {
    @Option(names = "--agent", required = true, paramLabel = "USERNAME")
    String agent;

    @Option(names = "--pkgpart", required = true)
    long pkgpart;

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      store.allowPackage(agent, pkgpart);
      out.println("agent " + agent + " may sell pkgpart " + pkgpart);
    }
  }

  @Command(name = "signup", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Set a package's promotional code and the payment types it may be bought with.")
  static final class Signup extends AdminAction {
    @Option(names = "--pkgpart", required = true)
    long pkgpart;

    @Option(names = "--promo-code", description = "Promotional code that selects the package ('' clears it).")
    String promoCode;

    @Option(names = "--paybys", split = ",", description = "e.g. BILL,CARD (within billing.paybys); '' = every type.")
    List<String> paybys;

    @Override
    void prepare() {
      if (promoCode != null && !promoCode.isEmpty()) {
        promoCode = Validation.text("--promo-code", promoCode);
      }
      if (paybys != null) {
        paybys = paybys.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (!SignupConfig.KNOWN_PAYBYS.containsAll(paybys)) {
          throw new AdminException("--paybys: each of " + String.join(", ", SignupConfig.KNOWN_PAYBYS));
        }
      }
    }

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      store.catalog().setPackageSignup(pkgpart, promoCode, paybys);
      out.println("pkgpart " + pkgpart + " updated");
    }
  }
}
