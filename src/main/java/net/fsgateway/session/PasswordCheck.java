package net.fsgateway.session;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import net.fsgateway.security.AgentPasswords;
import net.fsgateway.session.AgentRepository.AgentCredentials;

/**
 * Runs the argon2id verification on the named shared worker pool, never on an event loop. Unknown and disabled
 * agents cost a full verification too, so neither the answer nor its timing tells which usernames exist.
 */
public final class PasswordCheck {
  public static final String EXECUTOR_NAME = "fsgw-password-hash";

  private static final LongAdder VERIFICATIONS = new LongAdder();

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

  /**
   * How many password verifications this JVM has run. Tests read it to prove that an unknown username costs the
   * same work as a wrong password and that a throttled login costs none.
   */
  public static long verifications() {
    return VERIFICATIONS.sum();
  }

  private static Optional<Long> check(Optional<AgentCredentials> agent, String password) {
    VERIFICATIONS.increment();
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
