package net.fsgateway.resilience;

import io.vertx.core.shareddata.Shareable;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each agent's limit on concurrent calls: its own ({@code agent.max_in_flight}, set by {@code admin agent
 * set-limits}) or the gateway's default. The overrides are read from PostgreSQL at most every
 * {@value #REFRESH_SECONDS} seconds, by whichever call finds them stale, so a change reaches every gateway
 * within that time without a restart and costs one small query per gateway per interval.
 */
public final class AgentLimits implements Shareable {
  public static final long REFRESH_SECONDS = 10;
  static final String OVERRIDES = "SELECT agentnum, max_in_flight FROM agent WHERE max_in_flight IS NOT NULL";
  private static final Logger LOG = LoggerFactory.getLogger(AgentLimits.class);

  private final int defaultLimit;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Map<Long, Integer> overrides = Map.of();
  /** When the overrides were last read or tried (0: never). */
  private volatile long loadedAtNanos;

  AgentLimits(int defaultLimit) {
    this.defaultLimit = defaultLimit;
  }

  /** The one set of this Vert.x instance (the first caller's default makes it). */
  public static AgentLimits shared(io.vertx.core.Vertx vertx, int defaultLimit) {
    return vertx.sharedData().<String, AgentLimits>getLocalMap("fsgw.agentLimits")
        .computeIfAbsent("limits", k -> new AgentLimits(defaultLimit));
  }

  /** The agent's limit now; starts a refresh through {@code db} when the overrides are stale. */
  public int limit(long agentnum, SqlClient db) {
    if (loadedAtNanos == 0 || System.nanoTime() - loadedAtNanos > TimeUnit.SECONDS.toNanos(REFRESH_SECONDS)) {
      refresh(db);
    }
    return overrides.getOrDefault(agentnum, defaultLimit);
  }

  private void refresh(SqlClient db) {
    if (!refreshing.compareAndSet(false, true)) {
      return;
    }
    db.query(OVERRIDES).execute().onComplete(result -> {
      loadedAtNanos = System.nanoTime();
      if (result.succeeded()) {
        Map<Long, Integer> fresh = new HashMap<>();
        for (Row row : result.result()) {
          fresh.put(row.getLong("agentnum"), row.getInteger("max_in_flight"));
        }
        overrides = Map.copyOf(fresh);
      } else {
        // Keep the last known limits; the next call after the interval tries again.
        LOG.debug("agent limits not refreshed: {}", result.cause().toString());
      }
      refreshing.set(false);
    });
  }
}
