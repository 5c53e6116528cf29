package net.fsgateway.resilience;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import java.util.function.Function;
import net.fsgateway.config.LimitsConfig;

/**
 * Runs an agent's call inside its {@link AgentGate} slot, with its limit from {@link AgentLimits}: the slot is
 * taken before the body starts and given back when its future completes, whatever the outcome.
 */
public final class Fairness {
  private final AgentGate gate;
  private final AgentLimits limits;
  private final SqlClient db;

  /** {@code db}: where the agents' own limits are read (any client of the gateway's database). */
  public Fairness(Vertx vertx, LimitsConfig config, SqlClient db) {
    this.gate = AgentGate.shared(vertx, config.agentMaxQueued(), config.agentQueueWaitMs(),
        config.sharedInFlight());
    this.limits = AgentLimits.shared(vertx, config.agentMaxInFlight());
    this.db = db;
  }

  public <T> Future<T> run(long agentnum, Function<Long, Future<T>> body) {
    return gate.enter(agentnum, limits.limit(agentnum, db)).compose(slot -> {
      Future<T> result;
      try {
        result = body.apply(agentnum);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      return result.andThen(done -> gate.leave(agentnum));
    });
  }
}
