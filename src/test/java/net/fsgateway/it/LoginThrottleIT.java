package net.fsgateway.it;

import static net.fsgateway.support.FromAddress.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.fsgateway.config.ThrottleConfig;
import net.fsgateway.session.LoginThrottle;
import net.fsgateway.session.PasswordCheck;
import net.fsgateway.support.FromAddress;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Login throttling end to end, each test from its own loopback address so that no other test's failures count.
 * Limits are small: slowed from the 3rd failure, 5 per username, 8 per address, 2 s lockout.
 */
@Timeout(60)
class LoginThrottleIT {
  private static final int SLOW_AFTER = 3;
  private static final int MAX_PER_USER = 5;
  private static final int MAX_PER_ADDRESS = 8;
  private static final int LOCKOUT_SECONDS = 2;
  private static final String INCORRECT = "Incorrect password.";

  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(c -> c.withThrottle(
        new ThrottleConfig(SLOW_AFTER, MAX_PER_USER, MAX_PER_ADDRESS, 60, LOCKOUT_SECONDS)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void multicallCannotAmplifyGuessesForOneUsername() throws Exception {
    TestReseller reseller = TestReseller.create();
    FromAddress client = new FromAddress(FromAddress.randomLoopback(), gateway.port());
    long hashesBefore = PasswordCheck.verifications();
    long started = System.nanoTime();

    String answer = client.multicallLogins(Collections.nCopies(50, reseller.username()), "wrong");

    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(count(answer, INCORRECT)).isEqualTo(MAX_PER_USER);
    assertThat(count(answer, LoginThrottle.TOO_MANY_FAILURES)).isEqualTo(50 - MAX_PER_USER);
    assertThat(PasswordCheck.verifications() - hashesBefore).isEqualTo(MAX_PER_USER);
    // The 4th and 5th guesses wait 250 ms and 500 ms before they are checked.
    assertThat(elapsedMs).isGreaterThanOrEqualTo(700);

    String locked = client.login(reseller.username(), reseller.password());
    assertThat(locked).contains(LoginThrottle.TOO_MANY_FAILURES);
    assertThat(sessionIdIn(locked)).isEmpty();
    FromAddress elsewhere = new FromAddress(FromAddress.randomLoopback(), gateway.port());
    assertThat(elsewhere.login(reseller.username(), reseller.password())).contains(LoginThrottle.TOO_MANY_FAILURES);

    Thread.sleep(LOCKOUT_SECONDS * 1000L + 500);
    assertThat(sessionIdIn(client.login(reseller.username(), reseller.password()))).isNotEmpty();
  }

  @Test
  void manyUsernamesFromOneAddressAreCappedPerAddress() throws Exception {
    TestReseller reseller = TestReseller.create();
    FromAddress client = new FromAddress(FromAddress.randomLoopback(), gateway.port());
    List<String> usernames = new ArrayList<>();
    for (int i = 0; i < MAX_PER_ADDRESS + 4; i++) {
      usernames.add(TestData.unique("spray"));
    }
    long hashesBefore = PasswordCheck.verifications();

    String answer = client.multicallLogins(usernames, "password1");

    assertThat(count(answer, INCORRECT)).isEqualTo(MAX_PER_ADDRESS);
    assertThat(count(answer, LoginThrottle.TOO_MANY_FAILURES)).isEqualTo(4);
    assertThat(PasswordCheck.verifications() - hashesBefore).isEqualTo(MAX_PER_ADDRESS);
    assertThat(client.login(reseller.username(), reseller.password())).contains(LoginThrottle.TOO_MANY_FAILURES);
    FromAddress elsewhere = new FromAddress(FromAddress.randomLoopback(), gateway.port());
    assertThat(sessionIdIn(elsewhere.login(reseller.username(), reseller.password()))).isNotEmpty();
  }

  @Test
  void aGoodPasswordForgetsTheUsernamesFailures() throws Exception {
    TestReseller reseller = TestReseller.create();
    for (int round = 0; round < 2; round++) {
      // A fresh address each round: the address count is not reset by a success, by design.
      FromAddress client = new FromAddress(FromAddress.randomLoopback(), gateway.port());
      String answer = client.multicallLogins(Collections.nCopies(MAX_PER_USER - 1, reseller.username()), "wrong");
      assertThat(count(answer, INCORRECT)).isEqualTo(MAX_PER_USER - 1);
      assertThat(sessionIdIn(client.login(reseller.username(), reseller.password()))).isNotEmpty();
    }
  }

  /**
   * Enumeration by timing: rather than comparing wall-clock medians on a shared, loaded machine (noise of the
   * same order as the effect), this checks the cause: an unknown username costs exactly one full verification,
   * as a wrong password does, and gets the same answer.
   */
  @Test
  void unknownUsernameCostsTheSameVerificationAsAWrongPassword() throws Exception {
    TestReseller reseller = TestReseller.create();
    FromAddress client = new FromAddress(FromAddress.randomLoopback(), gateway.port());
    long before = PasswordCheck.verifications();
    String unknown = client.login(TestData.unique("nobody"), "wrong");
    long afterUnknown = PasswordCheck.verifications();
    String wrong = client.login(reseller.username(), "wrong");
    long afterWrong = PasswordCheck.verifications();
    assertThat(afterUnknown - before).isEqualTo(1);
    assertThat(afterWrong - afterUnknown).isEqualTo(1);
    assertThat(body(unknown)).isEqualTo(body(wrong)).contains(INCORRECT);
  }

  private static String sessionIdIn(String response) {
    String marker = "<name>session_id</name><value><string>";
    int at = response.indexOf(marker);
    if (at < 0) {
      return "";
    }
    int start = at + marker.length();
    return response.substring(start, response.indexOf('<', start));
  }

  private static String body(String response) {
    return response.substring(response.indexOf("\r\n\r\n") + 4);
  }
}
