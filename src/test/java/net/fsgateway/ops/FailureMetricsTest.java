package net.fsgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.fsgateway.dispatch.Failures;
import net.fsgateway.resilience.FailureCause;
import org.junit.jupiter.api.Test;

/** Every failure cause is a counter from the first scrape, and a failure answered as a fault moves its own. */
class FailureMetricsTest {

  @Test
  void eachCauseIsCountedUnderItsOwnLabel() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ProcessCounters.bind(registry);
    for (FailureCause cause : FailureCause.values()) {
      assertThat(registry.find("fsgw.call.failures").tag("cause", cause.key()).functionCounter())
          .as(cause.key()).isNotNull();
    }
    double shedBefore = count(registry, FailureCause.SHED);
    double timeoutsBefore = count(registry, FailureCause.PG_TIMEOUT);

    Failures.fault(FailureCause.SHED, "check_username", "limits.maxInFlight 1 calls in flight");
    Failures.fault(FailureCause.SHED, "check_username", "limits.maxInFlight 1 calls in flight");

    assertThat(count(registry, FailureCause.SHED)).isEqualTo(shedBefore + 2);
    assertThat(count(registry, FailureCause.PG_TIMEOUT)).isEqualTo(timeoutsBefore);
  }

  private static double count(SimpleMeterRegistry registry, FailureCause cause) {
    return registry.find("fsgw.call.failures").tag("cause", cause.key()).functionCounter().count();
  }
}
