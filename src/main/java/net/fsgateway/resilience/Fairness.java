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
    Future<Void> slot = gate.enter(agentnum, limits.limit(agentnum, db));
    // A free slot (every call but those of a reseller at its limit) runs the body now, without a composition.
    return slot.succeeded() ? inSlot(agentnum, body) : slot.compose(taken -> inSlot(agentnum, body));
  }

  private <T> Future<T> inSlot(long agentnum, Function<Long, Future<T>> body) {
    Future<T> result;
    try {
      result = body.apply(agentnum);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result.andThen(done -> gate.leave(agentnum));
  }
}
