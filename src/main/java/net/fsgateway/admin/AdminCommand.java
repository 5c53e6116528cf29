package net.fsgateway.admin;

import java.io.InputStream;
import java.util.function.Supplier;
import net.fsgateway.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Vendor administration: agents, packages, domains, prepaid cards, registration codes, advertising sources and
 * the locations customers may have. The database comes from a supplier, so that
 * tests (or another tool) can point the commands at any database; the default reads the gateway's configuration.
 */
@Command(name = "admin", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
    description = "Vendor administration (works on the gateway's database).",
    subcommands = {AgentCommands.class, PackageCommands.class, DomainCommands.class, PrepaidCommands.class,
        CatalogCommands.RegCode.class, CatalogCommands.Referral.class, CatalogCommands.Location.class})
public final class AdminCommand implements Runnable {
  private final Supplier<AdminDatabase> database;
  private final InputStream stdin;

  @Spec
  CommandSpec spec;

  public AdminCommand() {
    this(() -> AdminDatabase.open(ConfigLoader.load()), System.in);
  }

  public AdminCommand(Supplier<AdminDatabase> database, InputStream stdin) {
    this.database = database;
    this.stdin = stdin;
  }

  AdminDatabase openDatabase() {
    return database.get();
  }

  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: agent, package, domain, prepaid,"
        + " regcode, referral, location");
  }
}
