package net.fsgateway.infra;

import net.fsgateway.config.ConfigException;
import net.fsgateway.config.DeploymentConfig.Services;
import net.fsgateway.config.GatewayConfig;

/**
 * How many PostgreSQL connections one gateway process may open, and how they are split. Every set of services
 * (one per HTTP instance when co-located, {@code deployment.serviceInstances} sets otherwise) has one pool per
 * service, each on its own event loop. Without {@code pg.maxConnections} each pool gets {@code pg.poolSize}, so the
 * process total grows with the cores (48 on a 2-core pod); with it, the total is fixed and split evenly, so a fleet's
 * arithmetic is {@code pods × pg.maxConnections ≤ max_connections − headroom} whatever the pods' sizes.
 *
 * @param pools   pools this process opens
 * @param perPool connections each pool may hold
 */
public record PgBudget(int pools, int perPool) {
  /** Services with a PostgreSQL pool in each set: session, provisioning, billing. */
  static final int POOLS_PER_SET = 3;

  public static PgBudget of(GatewayConfig config) {
    int sets = config.deployment().services() == Services.COLOCATED
        ? config.http().effectiveInstances() : config.deployment().serviceInstances();
    int pools = sets * POOLS_PER_SET;
    int max = config.pg().maxConnections();
    if (max == 0) {
      return new PgBudget(pools, config.pg().poolSize());
    }
    if (max < pools) {
      throw new ConfigException("pg.maxConnections (" + max + ") is below the " + pools + " pools this process opens ("
          + sets + " service sets × " + POOLS_PER_SET + "): raise it, or lower http.instances / deployment.serviceInstances");
    }
    return new PgBudget(pools, max / pools);
  }

  /** Connections this process holds at most. */
  public int total() {
    return pools * perPool;
  }

  /** The configuration whose pools honour this budget. */
  public GatewayConfig applyTo(GatewayConfig config) {
    return config.withPg(config.pg().withPoolSize(perPool));
  }

  @Override
  public String toString() {
    return "at most " + total() + " PostgreSQL connections (" + pools + " pools × " + perPool + ")";
  }
}
