package net.fsgateway.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.fsgateway.support.GatewayProcess;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three gateway processes (ports 27501-27503) under signups and checks; one is killed with SIGKILL mid-load. The
 * other two keep answering every call; the only failures are calls sent to the dead one (in flight when it died, or
 * the one each of its clients sends before it stops using it, as a load balancer's health check would). No signup
 * in flight on it is left half-made.
 */
@Tag("fleet")
@Timeout(150)
class GatewayKillIT {
  private static final int[] PORTS = {27501, 27502, 27503};
  private static final int VICTIM = 2;

  private record Call(int gateway, long endNanos, String method, String outcome) {
  }

  @Test
  void theOtherTwoServeOnWhenOneIsKilled() throws Exception {
    List<GatewayProcess> children = new ArrayList<>();
    try {
      List<CompletableFuture<GatewayProcess>> starting = new ArrayList<>();
      for (int port : PORTS) {
        starting.add(CompletableFuture.supplyAsync(() -> GatewayProcess.builder().port(port).start()
            .awaitReady(Duration.ofSeconds(90))));
      }
      for (CompletableFuture<GatewayProcess> child : starting) {
        children.add(child.get(120, TimeUnit.SECONDS));
      }
      TestReseller reseller = TestReseller.create();
      Map<String, Object> login = children.get(0).call("agent_login",
          Map.of("username", reseller.username(), "password", reseller.password()));
      String session = String.valueOf(login.get("session_id"));

      ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(9);
      for (int i = 0; i < 9; i++) {
        int gateway = i % 3;
        GatewayProcess target = children.get(gateway);
        clients.submit(() -> {
          for (int n = 0; running.get(); n++) {
            String method = n % 3 == 0 ? "new_customer" : "check_username";
            Map<String, Object> params = method.equals("new_customer")
                ? Signups.card(reseller, session, "kill" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                : Map.of("session_id", session, "username", "nobody", "domain", reseller.privateDomain());
            String outcome = RedisSentinelIT.attempt(() -> String.valueOf(target.call(method, params).get("error")));
            calls.add(new Call(gateway, System.nanoTime(), method, outcome));
            if (!outcome.isEmpty()) {
              return; // this client's backend is gone: a load balancer stops sending to it
            }
          }
        });
      }
      // Every gateway serving before the kill (a JVM just started on a busy machine may take seconds to answer).
      long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < warm && !java.util.stream.IntStream.range(0, 3)
          .allMatch(g -> calls.stream().filter(c -> c.gateway == g).count() >= 5)) {
        Thread.sleep(100);
      }
      Thread.sleep(1000);
      long killedAt = System.nanoTime();
      children.get(VICTIM).kill9();
      Thread.sleep(3000);
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

      List<Call> survivors = calls.stream().filter(c -> c.gateway != VICTIM).toList();
      assertThat(survivors).allSatisfy(c -> assertThat(c.outcome).as("%s on gateway %d", c.method, c.gateway).isEmpty());
      assertThat(survivors.stream().filter(c -> c.endNanos > killedAt + TimeUnit.SECONDS.toNanos(1)))
          .as("calls the other two answered after the kill").hasSizeGreaterThan(10);
      List<Call> failed = calls.stream().filter(c -> !c.outcome.isEmpty()).toList();
      assertThat(failed).allSatisfy(c -> {
        assertThat(c.gateway).isEqualTo(VICTIM);
        assertThat(c.endNanos).isGreaterThan(killedAt);
      });
      assertThat(calls.stream().filter(c -> c.gateway == VICTIM && c.endNanos < killedAt)).isNotEmpty();

      long answeredSignups = calls.stream().filter(c -> c.method.equals("new_customer") && c.outcome.isEmpty()).count();
      long customers = (Long) TestData.scalar("SELECT count(*) FROM cust_main WHERE agentnum = ?", reseller.agentnum());
      assertThat(customers).isBetween(answeredSignups, answeredSignups + failed.size());
      assertThat(TestData.scalar("SELECT count(*) FROM cust_main c WHERE agentnum = ? AND NOT EXISTS"
          + " (SELECT 1 FROM cust_pkg p JOIN svc_acct s USING (pkgnum) WHERE p.custnum = c.custnum)",
          reseller.agentnum())).as("customers without their account").isEqualTo(0L);
      System.out.printf("FLEET kill: %d calls, %d answered by the survivors after the kill, %d failed (all on the"
          + " killed gateway)%n", calls.size(), survivors.stream().filter(c -> c.endNanos > killedAt).count(),
          failed.size());
    } finally {
      children.forEach(GatewayProcess::close);
    }
  }
}
