package net.fsgateway.admin;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * One admin subcommand: opens the database, runs in one transaction, and turns every expected failure into a one
 * line message and exit code 1 (no stack traces for operator mistakes).
 */
abstract class AdminAction implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The work of the command; rows are committed when it returns normally. */
  abstract void execute(AdminStore store, PrintWriter out) throws SQLException;

  /** Input checks and prompts that need no database; run before the database is opened. */
  void prepare() {
  }

  @Override
  public final Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      prepare();
      try (AdminDatabase db = root().openDatabase(); Connection c = db.connect()) {
        c.setAutoCommit(false);
        try {
          execute(new AdminStore(c), spec.commandLine().getOut());
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      }
      spec.commandLine().getOut().flush();
      return 0;
    } catch (AdminException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (SQLException e) {
      err.println("database error: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      // Backend start-up failures carry their own clear message.
      err.println("error: " + e.getMessage());
      return 1;
    } finally {
      err.flush();
    }
  }

  AdminCommand root() {
    CommandSpec s = spec;
    while (!(s.userObject() instanceof AdminCommand)) {
      s = s.parent();
    }
    return (AdminCommand) s.userObject();
  }
}
