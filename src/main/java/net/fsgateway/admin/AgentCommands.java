package net.fsgateway.admin;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Arrays;
import net.fsgateway.admin.AdminStore.AgentRow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin agent create|disable|enable|set-limits|list}: the resellers who log in to the API. */
@Command(name = "agent", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1, description = "Resellers.",
    subcommands = {AgentCommands.Create.class, AgentCommands.Disable.class, AgentCommands.Enable.class,
        AgentCommands.SetLimits.class, AgentCommands.ListAgents.class})
final class AgentCommands {

  @Command(name = "create", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Create an agent; prints its agentnum. The password is prompted for unless an option gives it.")
  static final class Create extends AdminAction {
    @Option(names = "--username", required = true, description = "Login name for agent_login.")
    String username;

    @Option(names = "--name", required = true, description = "The agent's display name.")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    PasswordSource passwordSource;

    private char[] password;

    @Override
    void prepare() {
      Validation.username("--username", username);
      name = Validation.text("--name", name);
      password = Validation.password(PasswordSource.read(passwordSource, root().stdin()));
    }

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      try {
        out.println(store.createAgent(username, name, password));
      } finally {
        Arrays.fill(password, '\0');
      }
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Refuse the agent's logins from now on.")
  static final class Disable extends AdminAction {
    @Option(names = "--username", required = true)
    String username;

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      store.setAgentDisabled(username, true);
      out.println("disabled " + username);
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Allow a disabled agent to log in again.")
  static final class Enable extends AdminAction {
    @Option(names = "--username", required = true)
    String username;

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      store.setAgentDisabled(username, false);
      out.println("enabled " + username);
    }
  }

  @Command(name = "set-limits", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
      description = "Set the agent's limit on concurrent calls per gateway (every gateway applies it within 10 s).")
  static final class SetLimits extends AdminAction {
    @Option(names = "--username", required = true)
    String username;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Limit limit;

    static final class Limit {
      @Option(names = "--max-in-flight", description = "Concurrent calls per gateway, >= 1.")
      Integer maxInFlight;

      @Option(names = "--default", description = "Take the gateway's limits.agentMaxInFlight again.")
      boolean useDefault;
    }

    @Override
    void prepare() {
      if (limit.maxInFlight != null && limit.maxInFlight < 1) {
        throw new AdminException("--max-in-flight must be >= 1");
      }
    }

    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      store.setAgentMaxInFlight(username, limit.useDefault ? null : limit.maxInFlight);
      out.println(username + ": max in flight " + (limit.useDefault ? "default" : limit.maxInFlight));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1, description = "List agents.")
  static final class ListAgents extends AdminAction {
    @Override
    void execute(AdminStore store, PrintWriter out) throws SQLException {
      out.printf("%-9s %-20s %-9s %-9s %s%n", "agentnum", "username", "status", "customers", "name");
      for (AgentRow a : store.listAgents()) {
        out.printf("%-9d %-20s %-9s %-9d %s%n", a.agentnum(), a.username(), a.disabled() ? "disabled" : "active",
            a.customers(), a.name());
      }
    }
  }
}
