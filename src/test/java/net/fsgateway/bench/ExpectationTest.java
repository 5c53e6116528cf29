package net.fsgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import org.junit.jupiter.api.Test;

class ExpectationTest {
  private static MethodResponse answer(String error) {
    return MethodResponse.success(XStruct.builder().put("error", error).put("available", 1).build());
  }

  @Test
  void successNeedsAnEmptyErrorMember() {
    assertThat(Expectation.SUCCESS.judge(answer(""))).isEqualTo(Verdict.OK);
    assertThat(Expectation.SUCCESS.judge(answer("Can't resume session"))).isEqualTo(Verdict.UNEXPECTED);
    assertThat(Expectation.SUCCESS.judge(answer("_decline"))).isEqualTo(Verdict.UNEXPECTED);
  }

  @Test
  void aFaultIsAlwaysUnexpected() {
    MethodResponse fault = MethodResponse.fault(FaultCode.INTERNAL_ERROR, "boom");
    assertThat(Expectation.SUCCESS.judge(fault)).isEqualTo(Verdict.UNEXPECTED);
    assertThat(Expectation.successOrErrorExcept(Set.of()).judge(fault)).isEqualTo(Verdict.UNEXPECTED);
    assertThat(Expectation.errorOf(fault)).startsWith("fault -32603");
  }

  @Test
  void malformedAnswersNeverPassForSuccess() {
    MethodResponse notStruct = MethodResponse.success(XString.of(""));
    MethodResponse noError = MethodResponse.success(XStruct.builder().put("available", 1).build());
    for (MethodResponse r : new MethodResponse[] {notStruct, noError}) {
      assertThat(Expectation.SUCCESS.judge(r)).isEqualTo(Verdict.UNEXPECTED);
      assertThat(Expectation.successOrErrorExcept(Set.of()).judge(r)).isEqualTo(Verdict.UNEXPECTED);
    }
  }

  @Test
  void provokedConflictsAreExpectedButBrokenRunsAreNot() {
    Expectation suspend = Expectation.successOrErrorExcept(Set.of("Can't resume session", "Account not found"));
    assertThat(suspend.judge(answer(""))).isEqualTo(Verdict.OK);
    assertThat(suspend.judge(answer("Package already suspended"))).isEqualTo(Verdict.EXPECTED_ERROR);
    assertThat(suspend.judge(answer("Can't resume session"))).isEqualTo(Verdict.UNEXPECTED);
    assertThat(suspend.judge(answer("Account not found"))).isEqualTo(Verdict.UNEXPECTED);
  }

  @Test
  void runStatsFailsOnAnyUnexpectedAnswerOrOnNothingMeasured() {
    RunStats empty = new RunStats();
    assertThat(empty.passed()).isFalse();
    RunStats stats = new RunStats();
    stats.record("suspend_username", 1_000_000, Verdict.OK, "");
    stats.record("suspend_username", 1_000_000, Verdict.EXPECTED_ERROR, "already suspended");
    assertThat(stats.passed()).isTrue();
    stats.record("check_username", 1_000_000, Verdict.UNEXPECTED, "fault -32603: boom");
    assertThat(stats.passed()).isFalse();
    assertThat(stats.unexpectedSamples()).containsExactly("check_username: fault -32603: boom");
  }

  @Test
  void mixedDayProportionsAddUpToOneHundred() {
    int[] counts = new int[MixedScenario.WEIGHTS.length];
    for (int pick = 0; pick < 100; pick++) {
      counts[MixedScenario.kind(pick)]++;
    }
    assertThat(counts).containsExactly(MixedScenario.WEIGHTS);
  }
}
