package net.fsgateway.admin;

import java.io.PrintWriter;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin domain create}: domains that service accounts are created in. */
@Command(name = "domain", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
    description = "Domains (svc_domain).", subcommands = DomainCommands.Create.class)
final class DomainCommands {

  @Command(name = "create", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Create a domain, shared or for one agent only; prints its svcnum.")
  static final class Create extends AdminAction {
    @Option(names = "--domain", required = true)
    String domain;

    @Option(names = "--agent", paramLabel = "USERNAME", description = "Only this agent may use it (default: shared).")
    String agent;

    @Override
    void prepare() {
      domain = Validation.domain("--domain", domain);
    }

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      out.println(store.createDomain(domain, agent));
    }
  }
}
