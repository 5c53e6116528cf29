package net.fsgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Properties;
import net.fsgateway.bench.CallCosts.Cost;
import net.fsgateway.bench.SizingModel.Assumptions;
import net.fsgateway.bench.SizingModel.Load;
import net.fsgateway.bench.SizingModel.Plan;
import org.junit.jupiter.api.Test;

class SizingModelTest {
  // Round numbers, so every expected figure below can be checked by hand.
  private static final Cost CHECK = new Cost(0.1, 0.02, 1, 1, 0.001, 0.5, 1000, 400, 0.03);
  private static final Cost SIGNUP = new Cost(0.2, 0.6, 2, 2, 0.02, 0.01, 3000, 500, 0.07);
  private static final Cost LOGIN = new Cost(20, 0.05, 1, 1, 0.02, 2, 800, 400, 0.1);
  private static final CallCosts COSTS = new CallCosts(CHECK, SIGNUP, LOGIN, "test");
  private static final Assumptions TWO_CORE_PODS = new Assumptions(2, 0.5, 1, 2, 2, 200, 20, true);

  @Test
  void gatewayPodsFollowTheCpuOfTheLoad() {
    // 1,000 signups/s × 0.2 ms + 10,000 checks/s × 0.1 ms + 10 logins/s × 20 ms = 200 + 1,000 + 200 ms/s = 1.4 cores
    Plan p = SizingModel.plan(COSTS, new Load(1000, 10_000, 10), TWO_CORE_PODS);
    assertThat(p.gatewayCoresBusy()).isCloseTo(1.4, within(1e-9));
    assertThat(p.gatewayCores()).isCloseTo(2.8, within(1e-9));   // at 50 %
    assertThat(p.podsForCpu()).isEqualTo(2);                     // ceil(2.8 / 2)
    assertThat(p.podsForLogins()).isEqualTo(1);                  // 2 workers × 50/s × 50 % = 50 logins/s per pod
    assertThat(p.pods()).isEqualTo(3);                           // + 1 spare
  }

  @Test
  void postgresqlTpsCoresAndConnections() {
    Plan p = SizingModel.plan(COSTS, new Load(1000, 10_000, 10), TWO_CORE_PODS);
    assertThat(p.pgTps()).isCloseTo(2000 + 10_000 + 10, within(1e-9));
    assertThat(p.pgStatementsPerS()).isCloseTo(12_010, within(1e-9));
    // 600 + 200 + 0.5 ms/s = 0.8005 cores busy; held twice that: 1.601 connections busy on average
    assertThat(p.pgCoresBusy()).isCloseTo(0.8005, within(1e-9));
    assertThat(p.pgConnectionsBusy()).isCloseTo(1.601, within(1e-9));
    // what a 2-core pod's pools need at least: 2 service sets × (3 pools + 6 fixed connections)
    assertThat(p.pgMaxConnectionsPerPod()).isEqualTo(18);
    assertThat(p.pgConnectionsFleet()).isEqualTo(54);
    assertThat(p.pgFitsDirect()).isTrue();
  }

  @Test
  void aBusyDatabaseNeedsMoreConnectionsThanThePoolsAndCanOutgrowMaxConnections() {
    // 20,000 signups/s: 12 cores of PostgreSQL, 24 connections busy, 48 spread over the pods
    Plan p = SizingModel.plan(COSTS, new Load(20_000, 0, 0), new Assumptions(2, 0.5, 0, 2, 2, 60, 20, true));
    assertThat(p.pgConnectionsBusy()).isCloseTo(24, within(1e-9));
    assertThat(p.pods()).isEqualTo(4);                           // 4 cores busy → 8 planned → 4 pods
    assertThat(p.pgMaxConnectionsPerPod()).isEqualTo(18);        // ceil(48 / 4) = 12, below a 2-core pod's 18
    assertThat(p.pgFitsDirect()).isFalse();                      // 4 × 18 > 60 − 20
  }

  @Test
  void loginsAloneCanDecideThePods() {
    Plan p = SizingModel.plan(COSTS, new Load(0, 0, 200), new Assumptions(8, 0.5, 0, 2, 2, 200, 20, true));
    // 4 cores busy fits one 8-core pod at 50 %, but 2 hash workers clear 50 logins/s at 50 %: 4 pods
    assertThat(p.podsForCpu()).isEqualTo(1);
    assertThat(p.podsForLogins()).isEqualTo(4);
    assertThat(p.pods()).isEqualTo(4);
  }

  @Test
  void redisOpsAddOneGetPerSessionCallWithoutTheCache() {
    Load load = new Load(100, 1000, 10);
    double cached = SizingModel.plan(COSTS, load, TWO_CORE_PODS).redisOpsPerS();
    assertThat(cached).isCloseTo(1 + 500 + 20, within(1e-9));
    double uncached = SizingModel.plan(COSTS, load, new Assumptions(2, 0.5, 1, 2, 2, 200, 20, false)).redisOpsPerS();
    assertThat(uncached - cached).isCloseTo(1100, within(1e-9));
    assertThat(SizingModel.plan(COSTS, load, TWO_CORE_PODS).mbitPerSIn()).isCloseTo((300_000 + 1_000_000 + 8000) * 8 / 1e6,
        within(1e-9));
  }

  @Test
  void oneMachineRunningEverythingIsItsCoresOverTheCpuOfACall() {
    // 0.1 + 0.02 + 0.001 + 0.03 = 0.151 ms per check on 2 cores
    assertThat(SizingModel.machineThroughput(CHECK, 2)).isCloseTo(2000 / 0.151, within(1e-6));
  }

  @Test
  void costsFilesAreCheckedAndTheBuiltInOneIsComplete() {
    Properties p = new Properties();
    assertThatThrownBy(() -> CallCosts.from(p, "x")).hasMessageContaining("check.gatewayCpuMs missing");
    p.setProperty("check.gatewayCpuMs", "-1");
    assertThatThrownBy(() -> CallCosts.from(p, "x")).hasMessageContaining("check.gatewayCpuMs must be a number >= 0");
    CallCosts builtIn = CallCosts.builtIn();
    assertThat(builtIn.login().gatewayCpuMs()).isPositive();
    assertThat(builtIn.source()).contains("built-in");
  }
}
