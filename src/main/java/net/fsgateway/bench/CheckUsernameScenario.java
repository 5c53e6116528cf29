package net.fsgateway.bench;

import java.util.SplittableRandom;
import net.fsgateway.xmlrpc.XStruct;

/** check_username for random (almost surely free) usernames in one logged-in session; error must be ''. */
final class CheckUsernameScenario extends SessionScenario {
  private final SplittableRandom random = new SplittableRandom();

  CheckUsernameScenario(BenchSettings settings) {
    super(settings);
  }

  @Override
  protected boolean needsPackage() {
    return false;
  }

  @Override
  public Call next() {
    return check(sessionId, catalog.domain(), random);
  }

  static Call check(String sessionId, String domain, SplittableRandom random) {
    String username = "ck" + Long.toString(random.nextLong(Long.MAX_VALUE), 36);
    XStruct params = XStruct.builder().put("session_id", sessionId).put("username", username).put("domain", domain)
        .build();
    return Call.of("check_username", params, Expectation.SUCCESS, username);
  }
}
