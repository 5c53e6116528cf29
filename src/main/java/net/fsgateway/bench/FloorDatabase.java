package net.fsgateway.bench;

import java.util.Objects;
import net.fsgateway.config.DeadlinesConfig;
import net.fsgateway.config.PgConfig;

/**
 * Where the floor's queries run and for whom: the gateway's PostgreSQL settings and backend deadlines (so the client
 * is built with the gateway's own options), the reseller whose reads are repeated and the domain its usernames are checked in.
 */
public record FloorDatabase(PgConfig pg, DeadlinesConfig deadlines, long agentnum, String domain) {
  public FloorDatabase {
    Objects.requireNonNull(pg, "pg");
    Objects.requireNonNull(deadlines, "deadlines");
    Objects.requireNonNull(domain, "domain");
    if (agentnum <= 0) {
      throw new IllegalArgumentException("agentnum must be > 0");
    }
  }
}
