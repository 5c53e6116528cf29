package net.fsgateway.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XStruct;

/**
 * A reseller's day, per 100 calls: 52 check_username, 16 new_customer, 14 suspend_username, 14 unsuspend_username,
 * 2 agent_login and 2 agent_logout (of the extra sessions those logins opened; the main session stays up).
 * Suspends pick any account this run created, so some hit an account that is already suspended and unsuspends
 * sometimes hit an active one: those answer '' (as Freeside), and any other conflict error is expected too.
 * Errors meaning the run itself is broken are not.
 */
final class MixedScenario extends SessionScenario {
  static final int[] WEIGHTS = {52, 16, 14, 14, 2, 2};
  private static final Set<String> BROKEN = Set.of("Can't resume session", "Account not found", "Not your account",
      "Unknown domain", "Incorrect password.", "Must specify your reseller username and password.");
  private static final Expectation CONFLICT_OK = Expectation.successOrErrorExcept(BROKEN);

  private final SplittableRandom random = new SplittableRandom();
  private final Signups signups = new Signups();
  private final List<String> created = new ArrayList<>();
  private final List<String> suspended = new ArrayList<>();
  private final ArrayDeque<String> spareSessions = new ArrayDeque<>();

  MixedScenario(BenchSettings settings) {
    super(settings);
  }

  @Override
  protected boolean needsPackage() {
    return true;
  }

  @Override
  public Call next() {
    switch (kind(random.nextInt(100))) {
      case 0:
        return CheckUsernameScenario.check(sessionId, catalog.domain(), random);
      case 2:
        return created.isEmpty() ? signups.call(sessionId, catalog) : account("suspend_username", any(created));
      case 3:
        if (!suspended.isEmpty()) {
          return account("unsuspend_username", suspended.remove(random.nextInt(suspended.size())));
        }
        return created.isEmpty() ? signups.call(sessionId, catalog) : account("unsuspend_username", any(created));
      case 4:
        return AgentSession.loginCall(settings.username(), settings.password());
      case 5:
        return spareSessions.isEmpty()
            ? AgentSession.loginCall(settings.username(), settings.password())
            : AgentSession.logoutCall(spareSessions.pop());
      default:
        return signups.call(sessionId, catalog);
    }
  }

  @Override
  public void answered(Call call, MethodResponse response) {
    boolean ok = Expectation.wellFormed(response) && Expectation.errorOf(response).isEmpty();
    if (!ok) {
      return;
    }
    if ("new_customer".equals(call.method())) {
      created.add(call.tag());
    } else if ("suspend_username".equals(call.method())) {
      suspended.add(call.tag());
    } else if ("agent_login".equals(call.method())) {
      spareSessions.push(AgentSession.sessionId(response));
    }
  }

  /** The index in {@link #WEIGHTS} that {@code pick} (0..99) falls in. */
  static int kind(int pick) {
    int kind = 0;
    int upTo = WEIGHTS[0];
    while (pick >= upTo) {
      upTo += WEIGHTS[++kind];
    }
    return kind;
  }

  private String any(List<String> accounts) {
    return accounts.get(random.nextInt(accounts.size()));
  }

  private Call account(String method, String username) {
    XStruct params = XStruct.builder().put("session_id", sessionId).put("username", username)
        .put("domain", catalog.domain()).build();
    return Call.of(method, params, CONFLICT_OK, username);
  }
}
