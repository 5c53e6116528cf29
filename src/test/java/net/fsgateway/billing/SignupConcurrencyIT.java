package net.fsgateway.billing;

import static net.fsgateway.billing.SignupFixtures.queryLong;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fsgateway.config.LimitsConfig;
import net.fsgateway.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many signups at once through real HTTP: the database's unique index decides username races, charges of the
 * losers are voided, and concurrent distinct signups leave complete customers only.
 */
@Timeout(120)
class SignupConcurrencyIT {
  private static TestGateway gateway;
  private static SignupFixtures data;

  @BeforeAll
  static void start() throws Exception {
    // The calls are one reseller's; its slot limit would queue most of them and, on a slow moment of a shared
    // machine, refuse the last after the queue wait: the races here are the database's, so all run at once.
    gateway = TestGateway.start(c -> c.withLimits(allAtOnce(c.limits())));
    data = new SignupFixtures(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void fiftySignupsForOneUsernameExactlyOneWins() throws Exception {
    String name = "race" + UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, Object>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Map<String, Object> call = data.card(i % 2 == 0 ? name : name.toUpperCase());
      call.put("last", "Race-" + name);
      calls.add(call);
    }
    List<Map<String, Object>> answers = concurrently(calls);

    assertThat(answers.stream().filter(a -> "".equals(a.get("error")))).hasSize(1);
    assertThat(answers.stream().filter(a -> "Username in use".equals(a.get("error")))).hasSize(49);
    assertThat(queryLong("SELECT count(*) FROM cust_main WHERE last = ?", "Race-" + name)).isEqualTo(1);
    assertThat(queryLong("SELECT count(*) FROM svc_acct WHERE lower(username) = ?", name)).isEqualTo(1);
    Map<String, String> charges = gateway.vertx().sharedData().getLocalMap(TestPaymentProcessor.CHARGES);
    Map<String, String> voids = gateway.vertx().sharedData().getLocalMap(TestPaymentProcessor.VOIDS);
    assertThat(charges.keySet()).containsAll(voids.keySet());
    assertThat(charges.size() - voids.size()).as("charges left standing").isEqualTo(1);
  }

  @Test
  void twoHundredDistinctSignupsMakeTwoHundredWholeCustomers() throws Exception {
    String batch = "Batch-" + UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, Object>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Map<String, Object> call = data.card("b" + UUID.randomUUID().toString().replace("-", "").substring(0, 14));
      call.put("last", batch);
      calls.add(call);
    }
    List<Map<String, Object>> answers = concurrently(calls);

    assertThat(answers).allSatisfy(a -> assertThat(a.get("error")).isEqualTo(""));
    assertThat(answers.stream().map(a -> a.get("custnum")).distinct()).hasSize(200);
    assertThat(queryLong("SELECT count(*) FROM cust_main WHERE last = ?", batch)).isEqualTo(200);
    assertThat(queryLong("SELECT count(*) FROM cust_main c WHERE last = ? AND ("
        + " NOT EXISTS (SELECT 1 FROM cust_location l WHERE l.custnum = c.custnum)"
        + " OR NOT EXISTS (SELECT 1 FROM cust_main_invoice i WHERE i.custnum = c.custnum)"
        + " OR NOT EXISTS (SELECT 1 FROM cust_pkg p JOIN svc_acct s USING (pkgnum) WHERE p.custnum = c.custnum)"
        + " OR NOT EXISTS (SELECT 1 FROM cust_bill b JOIN cust_pay y USING (invnum) WHERE b.custnum = c.custnum)"
        + " OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.custnum = c.custnum))", batch)).isZero();
    // Scoped to this batch: other tests in the same database make packages without accounts on purpose.
    assertThat(queryLong("SELECT count(*) FROM cust_pkg p JOIN cust_main c USING (custnum) WHERE c.last = ?"
        + " AND NOT EXISTS (SELECT 1 FROM svc_acct s WHERE s.pkgnum = p.pkgnum)", batch)).isZero();
  }

  private static LimitsConfig allAtOnce(LimitsConfig l) {
    return new LimitsConfig(l.maxBodyBytes(), l.maxDepth(), l.maxStructMembers(), l.maxArrayItems(),
        l.maxStringChars(), l.maxMulticallCalls(), l.callTimeoutMs(), l.maxInFlight(), 256, l.agentMaxQueued(),
        l.agentQueueWaitMs(), l.sharedInFlight());
  }

  private static List<Map<String, Object>> concurrently(List<Map<String, Object>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Map<String, Object>>> pending = new ArrayList<>();
      for (Map<String, Object> call : calls) {
        pending.add(pool.submit(() -> {
          go.await();
          return gateway.call("new_customer", call);
        }));
      }
      go.countDown();
      List<Map<String, Object>> answers = new ArrayList<>();
      for (Future<Map<String, Object>> answer : pending) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }
}
