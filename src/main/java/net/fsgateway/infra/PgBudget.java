package net.fsgateway.infra;

import net.fsgateway.config.ConfigException;
import net.fsgateway.config.DeploymentConfig.Services;
import net.fsgateway.config.GatewayConfig;

/**
 * How many PostgreSQL connections one gateway process may open, and how they are split. Every set of services
 * (one per HTTP instance when co-located, {@code deployment.serviceInstances} sets otherwise) has one pool per
 * service, each on its own event loop, plus small fixed pools for long or side work (streamed listings, the
 * payment journal's steps, the signup checks). Without
 * {@code pg.maxConnections} each service pool gets {@code pg.poolSize}, so the process total grows with the cores
 * (60 on a 2-core pod); with it, the total is fixed and split evenly, so a fleet's arithmetic is
 * {@code pods × pg.maxConnections ≤ max_connections − headroom} whatever the pods' sizes.
 *
 * @param sets    service sets this process runs
 * @param perPool connections each service pool may hold
 */
public record PgBudget(int sets, int perPool) {
  /** Services with a PostgreSQL pool in each set: session, provisioning, billing. */
  static final int POOLS_PER_SET = 3;
  /** Connections of the listing pool of each set (agent_list_customers streams through a cursor on one). */
  public static final int LISTING_CONNECTIONS = 2;
  /** Connections of the payment journal's no-flush-wait pool of each set (its group-committed steps). */
  public static final int JOURNAL_CONNECTIONS = 2;
  /**
   * Connections of the signup checks' pipelined client of each set: many checks share a connection at once, and the
   * checks issued in one event-loop turn share a socket write.
   */
  public static final int SIGNUP_CHECK_CONNECTIONS = 2;
  /** Connections of each set that do not scale with {@code pg.poolSize}. */
  static final int FIXED_PER_SET = LISTING_CONNECTIONS + JOURNAL_CONNECTIONS + SIGNUP_CHECK_CONNECTIONS;

  public static PgBudget of(GatewayConfig config) {
    int sets = config.deployment().services() == Services.COLOCATED
        ? config.http().effectiveInstances() : config.deployment().serviceInstances();
    int max = config.pg().maxConnections();
    if (max == 0) {
      return new PgBudget(sets, config.pg().poolSize());
    }
    int perPool = (max / sets - FIXED_PER_SET) / POOLS_PER_SET;
    if (perPool < 1) {
      throw new ConfigException("pg.maxConnections (" + max + ") is below the " + minimum(sets)
          + " connections this process needs at least (" + sets + " service sets × (" + POOLS_PER_SET + " pools + "
          + FIXED_PER_SET + " fixed)): raise it, or lower http.instances / deployment.serviceInstances");
    }
    return new PgBudget(sets, perPool);
  }

  /** The fewest connections a process with {@code sets} service sets can run on: one per service pool. */
  public static int minimum(int sets) {
    return sets * (POOLS_PER_SET + FIXED_PER_SET);
  }

  /** Pools sized by {@code perPool}. */
  public int pools() {
    return sets * POOLS_PER_SET;
  }

  /** Connections this process holds at most. */
  public int total() {
    return sets * (POOLS_PER_SET * perPool + FIXED_PER_SET);
  }

  /** The configuration whose pools honour this budget. */
  public GatewayConfig applyTo(GatewayConfig config) {
    return config.withPg(config.pg().withPoolSize(perPool));
  }

  @Override
  public String toString() {
    return "at most " + total() + " PostgreSQL connections (" + sets + " service sets × (" + POOLS_PER_SET + " pools × "
        + perPool + " + " + FIXED_PER_SET + " fixed))";
  }
}
