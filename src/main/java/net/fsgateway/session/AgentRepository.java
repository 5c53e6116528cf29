package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import net.fsgateway.infra.Rows;
import net.fsgateway.resilience.Deadline;

/** Reads the agent row a login is checked against. */
public final class AgentRepository {
  // Case-insensitive to match the unique index agent_username_key on lower(username).
  static final String BY_USERNAME =
      "SELECT agentnum, password_hash, disabled FROM agent WHERE lower(username) = lower($1)";

  /** The stored credentials of one agent; {@code passwordHash} is a PHC string, never a clear password. */
  public record AgentCredentials(long agentnum, String passwordHash, boolean disabled) {
  }

  private final Pool pool;
  private final Deadline deadline;

  public AgentRepository(Pool pool, Deadline deadline) {
    this.pool = pool;
    this.deadline = deadline;
  }

  public Future<Optional<AgentCredentials>> byUsername(String username) {
    return deadline.bound(pool.preparedQuery(BY_USERNAME).execute(Tuple.of(username))).map(Rows::first)
        .map(row -> Optional.ofNullable(row).map(r -> new AgentCredentials(r.getLong("agentnum"),
            r.getString("password_hash"), r.getBoolean("disabled"))));
  }
}
