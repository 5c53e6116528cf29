package net.fsgateway.bench;

import net.fsgateway.bench.CallCosts.Cost;
import net.fsgateway.infra.PgBudget;

/**
 * The fleet a reseller load needs, from measured per-call costs (pure arithmetic; the assumptions are the
 * parameters, and src/docs/sizing.md explains each).
 *
 * <ul>
 *   <li>Gateway cores = Σ rate × gateway CPU-ms ÷ 1000 ÷ target utilization; pods = that ÷ cores per pod, at least
 *       what the logins need (each pod verifies {@code hashWorkers} passwords at a time, a login's gateway CPU
 *       being almost all hash), plus spare pods.</li>
 *   <li>PostgreSQL: TPS = Σ rate × transactions; cores as for the gateway; connections busy at once (Little's law)
 *       = Σ rate × PostgreSQL CPU-ms × hold factor ÷ 1000 (a connection is held longer than the server computes:
 *       round trips, commit flushes).</li>
 *   <li>Redis: ops/s = Σ rate × commands (+ one GET per session call without the session cache); cores from its
 *       CPU-ms.</li>
 * </ul>
 */
public final class SizingModel {
  /** A reseller load: calls per second by kind. */
  public record Load(double signupsPerS, double checksPerS, double loginsPerS) {
  }

  /**
   * The assumptions.
   *
   * @param coresPerPod        CPU a pod may use (its limit)
   * @param targetUtilization  the share of a core planned busy (headroom for bursts and GC), e.g. 0.6
   * @param sparePods          pods beyond the need (a node lost, a rolling update)
   * @param hashWorkers        {@code session.hashWorkers} per pod
   * @param pgHoldFactor       connection hold time ÷ PostgreSQL CPU time per call
   * @param pgMaxConnections   the server's {@code max_connections}
   * @param pgHeadroom         connections kept free (superuser reserve, migrations, admin, monitoring, surge pods)
   * @param sessionCache       sessions remembered by the gateways (off in cluster mode or with
   *                           {@code session.cacheEntries=0}: then every session call reads its session, one GET)
   */
  public record Assumptions(int coresPerPod, double targetUtilization, int sparePods, int hashWorkers,
                            double pgHoldFactor, int pgMaxConnections, int pgHeadroom, boolean sessionCache) {
  }

  /** The answer. */
  public record Plan(double gatewayCoresBusy, double gatewayCores, int podsForCpu, int podsForLogins, int pods,
                     double pgTps, double pgStatementsPerS, double pgCoresBusy, double pgCores,
                     double pgConnectionsBusy, int pgMaxConnectionsPerPod, int pgConnectionsFleet,
                     boolean pgFitsDirect, double redisOpsPerS, double redisCoresBusy, double mbitPerSIn,
                     double mbitPerSOut) {
  }

  private SizingModel() {
  }

  public static Plan plan(CallCosts costs, Load load, Assumptions a) {
    double gatewayBusy = sum(costs, load, Cost::gatewayCpuMs) / 1000;
    double gatewayCores = gatewayBusy / a.targetUtilization();
    int podsForCpu = (int) Math.ceil(gatewayCores / a.coresPerPod());
    double loginsPerPod = a.hashWorkers() * 1000 / Math.max(costs.login().gatewayCpuMs(), 1e-9);
    int podsForLogins = (int) Math.ceil(load.loginsPerS() / (loginsPerPod * a.targetUtilization()));
    int pods = Math.max(1, Math.max(podsForCpu, podsForLogins)) + a.sparePods();

    double pgBusy = sum(costs, load, Cost::pgCpuMs) / 1000;
    double connectionsBusy = pgBusy * a.pgHoldFactor();
    // Twice the connections busy on average (bursts), at least what a pod's pools need (one set per core).
    int perPod = Math.max(PgBudget.minimum(a.coresPerPod()), (int) Math.ceil(2 * connectionsBusy / pods));
    int fleet = perPod * pods;

    double sessionReads = a.sessionCache() ? 0 : load.checksPerS() + load.signupsPerS();
    double bytesIn = sum(costs, load, Cost::bytesIn);
    double bytesOut = sum(costs, load, Cost::bytesOut);
    return new Plan(gatewayBusy, gatewayCores, podsForCpu, podsForLogins, pods,
        sum(costs, load, Cost::pgTransactions), sum(costs, load, Cost::pgStatements), pgBusy,
        pgBusy / a.targetUtilization(), connectionsBusy, perPod, fleet,
        fleet <= a.pgMaxConnections() - a.pgHeadroom(), sum(costs, load, Cost::redisCommands) + sessionReads,
        sum(costs, load, Cost::redisCpuMs) / 1000, bytesIn * 8 / 1e6, bytesOut * 8 / 1e6);
  }

  /**
   * Calls per second one machine of {@code cores} sustains when the gateway processes, PostgreSQL, Redis and the
   * driver all share it (the benchmark's set-up): its cores divided by the CPU one call costs them all. A second
   * gateway process on the same machine adds no CPU, so the prediction does not depend on the number of processes;
   * measuring 1 and 2 checks that the cost per call stays what was measured.
   */
  public static double machineThroughput(Cost cost, int cores) {
    return cores * 1000 / cost.machineCpuMs();
  }

  private static double sum(CallCosts costs, Load load, java.util.function.ToDoubleFunction<Cost> part) {
    return load.signupsPerS() * part.applyAsDouble(costs.signup())
        + load.checksPerS() * part.applyAsDouble(costs.check())
        + load.loginsPerS() * part.applyAsDouble(costs.login());
  }
}
