package net.fsgateway.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import net.fsgateway.bench.SizingModel.Assumptions;
import net.fsgateway.bench.SizingModel.Load;
import net.fsgateway.bench.SizingModel.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench sizing}: the gateway pods, PostgreSQL and Redis a reseller load needs, from measured per-call costs
 * ({@link SizingModel}; src/docs/sizing.md). With {@code --machine-cores} it instead predicts what one machine that
 * runs everything (the benchmark's set-up) sustains per scenario, to compare with a measured run.
 */
@Command(name = "sizing", mixinStandardHelpOptions = true,
    description = "Size a fleet for a load, from measured per-call costs (src/docs/sizing.md).")
public final class SizingCommand implements Callable<Integer> {
  @Option(names = "--signups-per-s", defaultValue = "0", description = "new_customer calls per second.")
  double signupsPerS;
  @Option(names = "--checks-per-s", defaultValue = "0",
      description = "check_username and other one-statement session calls (agent_info, signup_info, suspend) per second.")
  double checksPerS;
  @Option(names = "--logins-per-s", defaultValue = "0", description = "agent_login calls per second.")
  double loginsPerS;
  @Option(names = "--costs", description = "Per-call costs measured by run-fleet-benchmarks.sh; default: the built-in ones.")
  Path costs;
  @Option(names = "--cores-per-pod", defaultValue = "2", description = "CPU limit of a pod (default ${DEFAULT-VALUE}).")
  int coresPerPod;
  @Option(names = "--target-utilization", defaultValue = "0.6", description = "Planned busy share of a core (default ${DEFAULT-VALUE}).")
  double targetUtilization;
  @Option(names = "--spare-pods", defaultValue = "1", description = "Pods beyond the need (default ${DEFAULT-VALUE}).")
  int sparePods;
  @Option(names = "--hash-workers", defaultValue = "2", description = "session.hashWorkers per pod (default ${DEFAULT-VALUE}).")
  int hashWorkers;
  @Option(names = "--pg-hold-factor", defaultValue = "2", description = "Connection hold time / PostgreSQL CPU time (default ${DEFAULT-VALUE}).")
  double pgHoldFactor;
  @Option(names = "--pg-max-connections", defaultValue = "200", description = "The server's max_connections (default ${DEFAULT-VALUE}).")
  int pgMaxConnections;
  @Option(names = "--pg-headroom", defaultValue = "20", description = "Connections kept free (default ${DEFAULT-VALUE}).")
  int pgHeadroom;
  @Option(names = "--session-cache", defaultValue = "true", negatable = true, fallbackValue = "true",
      description = "Gateways remember sessions (--no-session-cache: Redis cluster mode or session.cacheEntries=0).")
  boolean sessionCache;
  @Option(names = "--machine-cores", defaultValue = "0",
      description = "Instead: predict check_username / new_customer / agent_login req/s on one machine of N cores running everything.")
  int machineCores;

  @Override
  public Integer call() {
    CallCosts measured;
    try {
      measured = costs == null ? CallCosts.builtIn() : CallCosts.read(costs);
      validate();
    } catch (IllegalArgumentException e) {
      System.err.println("bench sizing: " + e.getMessage());
      return 2;
    }
    PrintStream out = System.out;
    out.println("per-call costs: " + measured.source());
    if (machineCores > 0) {
      out.printf(Locale.ROOT, "PREDICT machine_cores=%d check_username=%.0f new_customer=%.0f agent_login=%.1f%n",
          machineCores, SizingModel.machineThroughput(measured.check(), machineCores),
          SizingModel.machineThroughput(measured.signup(), machineCores),
          SizingModel.machineThroughput(measured.login(), machineCores));
      return 0;
    }
    Assumptions a = new Assumptions(coresPerPod, targetUtilization, sparePods, hashWorkers, pgHoldFactor,
        pgMaxConnections, pgHeadroom, sessionCache);
    print(out, SizingModel.plan(measured, new Load(signupsPerS, checksPerS, loginsPerS), a));
    return 0;
  }

  private void validate() {
    if (signupsPerS < 0 || checksPerS < 0 || loginsPerS < 0) {
      throw new IllegalArgumentException("rates must be >= 0");
    }
    if (coresPerPod < 1 || hashWorkers < 1 || sparePods < 0 || pgHoldFactor <= 0 || pgMaxConnections < 1
        || pgHeadroom < 0 || targetUtilization <= 0 || targetUtilization > 1) {
      throw new IllegalArgumentException("--cores-per-pod and --hash-workers >= 1, --spare-pods >= 0,"
          + " --target-utilization in (0, 1], --pg-hold-factor > 0, --pg-max-connections >= 1, --pg-headroom >= 0");
    }
  }

  private void print(PrintStream out, Plan p) {
    out.printf(Locale.ROOT, "load: %.0f signups/s, %.0f checks/s, %.0f logins/s%n", signupsPerS, checksPerS, loginsPerS);
    out.printf(Locale.ROOT, "assumptions: %d cores per pod, %.0f%% target utilization, %d spare pod(s), %d hash workers"
            + " per pod, PostgreSQL connection held %.1fx its CPU time, max_connections %d with %d kept free, session cache %s%n",
        coresPerPod, targetUtilization * 100, sparePods, hashWorkers, pgHoldFactor, pgMaxConnections, pgHeadroom,
        sessionCache ? "on" : "off");
    out.printf(Locale.ROOT, "gateway:    %.2f cores busy -> %.2f cores planned -> %d pod(s) (%d for CPU, %d for logins,"
        + " +%d spare)%n", p.gatewayCoresBusy(), p.gatewayCores(), p.pods(), p.podsForCpu(), p.podsForLogins(), sparePods);
    out.printf(Locale.ROOT, "postgresql: %.0f TPS, %.0f statements/s, %.2f cores busy -> %.2f cores planned%n",
        p.pgTps(), p.pgStatementsPerS(), p.pgCoresBusy(), p.pgCores());
    out.printf(Locale.ROOT, "            %.1f connections busy on average; pg.maxConnections=%d per pod -> %d for the"
            + " fleet: %s%n", p.pgConnectionsBusy(), p.pgMaxConnectionsPerPod(), p.pgConnectionsFleet(),
        p.pgFitsDirect() ? "fits max_connections" : "exceeds max_connections - headroom: put PgBouncer in front"
            + " (pg.pooler=pgbouncer) or lower pg.maxConnections toward the busy figure");
    out.printf(Locale.ROOT, "redis:      %.0f ops/s, %.2f cores busy%n", p.redisOpsPerS(), p.redisCoresBusy());
    out.printf(Locale.ROOT, "network:    %.1f Mbit/s in, %.1f Mbit/s out (XML-RPC only)%n", p.mbitPerSIn(),
        p.mbitPerSOut());
  }
}
