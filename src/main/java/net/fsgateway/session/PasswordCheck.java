package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.Arrays;
import java.util.Optional;
import net.fsgateway.security.AgentPasswords;
import net.fsgateway.session.AgentRepository.AgentCredentials;

/**
 * Runs the argon2id verification on the named shared worker pool, never on an event loop. Unknown and disabled
 * agents cost a full verification too, so neither the answer nor its timing tells which usernames exist.
 */
public final class PasswordCheck {
  public static final String EXECUTOR_NAME = "fsgw-password-hash";

  private final WorkerExecutor executor;

  public PasswordCheck(WorkerExecutor executor) {
    this.executor = executor;
  }

  /** The agentnum when the password is right and the agent may log in; empty otherwise. */
  public Future<Optional<Long>> verify(Optional<AgentCredentials> agent, String password) {
    // ordered=false: the default executeBlocking(callable) queues per context, which would serialize all logins
    // of one verticle instance behind each other.
    return executor.executeBlocking(() -> check(agent, password), false);
  }

  private static Optional<Long> check(Optional<AgentCredentials> agent, String password) {
    char[] chars = password.toCharArray();
    try {
      if (agent.isEmpty() || agent.get().disabled()) {
        AgentPasswords.verifyAgainstDummy(chars);
        return Optional.empty();
      }
      AgentCredentials found = agent.get();
      return AgentPasswords.verify(found.passwordHash(), chars) ? Optional.of(found.agentnum()) : Optional.empty();
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}
