package net.fsgateway.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bench signup-sql}: prints the pgbench script of one signup; src/test/bench/run-benchmarks.sh runs it. */
@Command(name = "signup-sql", mixinStandardHelpOptions = true,
    description = "Print the pgbench script replaying one CARD signup's statements (the database floor).")
public final class SignupReplayCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.print(SignupReplay.script());
    return 0;
  }
}
