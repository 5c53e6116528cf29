package net.fsgateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench profile-summary}: the markdown split of a gateway profile; src/test/bench/profile.sh runs it. */
@Command(name = "profile-summary", mixinStandardHelpOptions = true,
    description = "Summarise async-profiler collapsed CPU and allocation profiles (--total) of the gateway.")
public final class ProfileSummaryCommand implements Callable<Integer> {
  @Option(names = "--cpu", required = true, description = "Collapsed CPU profile (-e cpu --total -o collapsed).")
  Path cpu;

  @Option(names = "--alloc", required = true, description = "Collapsed allocation profile (-e alloc --total -o collapsed).")
  Path alloc;

  @Option(names = "--calls", required = true, description = "Calls answered while the profiles were taken.")
  long calls;

  @Override
  public Integer call() {
    try {
      System.out.print(ProfileSummary.format(CollapsedStacks.read(cpu), CollapsedStacks.read(alloc), calls));
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("profile-summary: " + e.getMessage());
      return 2;
    }
  }
}
