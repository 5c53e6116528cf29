package net.fsgateway.admin;

import java.io.PrintWriter;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin prepaid create}: prepaid cards (prepay_credit) with unguessable identifiers. */
@Command(name = "prepaid", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
    description = "Prepaid cards.", subcommands = PrepaidCommands.Create.class)
final class PrepaidCommands {

  @Command(name = "create", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Create prepaid cards; prints one identifier per line.")
  static final class Create extends AdminAction {
    @Option(names = "--amount", required = true, description = "Value of each card, e.g. 20.00.")
    String amount;

    @Option(names = "--count", defaultValue = "1", description = "How many cards (default 1, at most 10000).")
    int count;

    @Option(names = "--agent", paramLabel = "USERNAME", description = "Only this agent's customers may redeem them.")
    String agent;

    @Override
    void prepare() {
      Validation.money("--amount", amount);
      Validation.range("--count", count, 1, 10_000);
    }

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      for (String identifier : store.createPrepaid(Validation.money("--amount", amount), count, agent)) {
        out.println(identifier);
      }
    }
  }
}
