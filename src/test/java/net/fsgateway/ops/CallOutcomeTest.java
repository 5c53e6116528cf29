package net.fsgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XString;
import org.junit.jupiter.api.Test;

/** Outcome labels come from a closed set whatever the answer says; request ids are echoed only when sane. */
class CallOutcomeTest {

  @Test
  void successAndEachKnownErrorHaveTheirLabel() {
    assertThat(CallOutcome.of("check_username", answer(""))).isEqualTo("ok");
    assertThat(CallOutcome.of("check_username", new MethodResponse.Success(XString.of("x")))).isEqualTo("ok");
    assertThat(CallOutcome.of("check_username", answer("_decline"))).isEqualTo("declined");
    assertThat(CallOutcome.of("check_username", answer("Username in use"))).isEqualTo("username_in_use");
    assertThat(CallOutcome.of("check_username", answer("Can't resume session"))).isEqualTo("bad_session");
    assertThat(CallOutcome.of("check_username", answer("Too many failed logins; try again later."))).isEqualTo("login_throttled");
    assertThat(CallOutcome.of("new_customer", answer("Illegal (zip) zip for country US: 1234"))).isEqualTo("bad_field");
    assertThat(CallOutcome.of("new_customer", answer("Please select a package"))).isEqualTo("bad_field");
    assertThat(CallOutcome.of("new_customer", answer("Unknown registration code"))).isEqualTo("bad_code");
    assertThat(CallOutcome.of("suspend_username", answer("Can't suspend cancelled package 12")))
        .isEqualTo("wrong_state");
  }

  @Test
  void unknownErrorsAndFaultCodesStayInABoundedSet() {
    assertThat(CallOutcome.of("check_username", answer("anything a caller could make us say 4111111111111111")))
        .isEqualTo("other_error");
    assertThat(CallOutcome.of("check_username", new MethodResponse.Fault(-32001, "down"))).isEqualTo("fault_-32001");
    assertThat(CallOutcome.of("check_username", new MethodResponse.Fault(-32050, "x"))).isEqualTo("fault_-32050");
    assertThat(CallOutcome.of("check_username", new MethodResponse.Fault(17, "x"))).isEqualTo("fault_other");
    assertThat(CallOutcome.of("check_username", new MethodResponse.Fault(Integer.MIN_VALUE, "x"))).isEqualTo("fault_other");
  }

  @Test
  void requestIdsAreEchoedOnlyWhenTheyAreSaneTokens() {
    assertThat(RequestIds.fromHeader("abc-123_x.y:z/+=")).isEqualTo("abc-123_x.y:z/+=");
    assertThat(RequestIds.fromHeader("a b")).matches("[0-9a-f]{16}");
    assertThat(RequestIds.fromHeader("line\nbreak")).matches("[0-9a-f]{16}");
    assertThat(RequestIds.fromHeader("x".repeat(129))).matches("[0-9a-f]{16}");
    assertThat(RequestIds.fromHeader("")).matches("[0-9a-f]{16}");
    assertThat(RequestIds.fromHeader(null)).matches("[0-9a-f]{16}");
    for (int i = 0; i < 1_000; i++) {
      assertThat(RequestIds.generate()).matches("[0-9a-f]{16}");
    }
  }

  private static MethodResponse answer(String error) {
    return new MethodResponse.Success(XStruct.builder().put("error", error).build());
  }
}
