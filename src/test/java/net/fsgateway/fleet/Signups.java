package net.fsgateway.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.fsgateway.support.TestReseller;

/** new_customer structs for a {@link TestReseller}, and calls started all at once. */
final class Signups {
  private Signups() {
  }

  /** A valid card signup of {@code username} on the reseller's private domain. */
  static Map<String, Object> card(TestReseller reseller, String session, String username) {
    Map<String, Object> s = new HashMap<>();
    s.put("session_id", session);
    s.put("first", "Fleet");
    s.put("last", "Test-" + reseller.username());
    s.put("address1", "1 Loopback Rd");
    s.put("city", "Localhost");
    s.put("state", "CA");
    s.put("zip", "02134");
    s.put("country", "US");
    s.put("daytime", "555-555-1212");
    s.put("invoicing_list", "fleet@example.com");
    s.put("payby", "CARD");
    s.put("payinfo", "4111111111111111");
    s.put("paycvv", "123");
    s.put("paydate", "11/2031");
    s.put("payname", "Fleet Test");
    s.put("pkgpart", (int) reseller.pkgpart());
    s.put("domsvc", (int) reseller.domsvc());
    s.put("username", username);
    s.put("_password", "s33kret!");
    return s;
  }

  /** Runs every call on its own thread, released together; their results in order (an exception as its text). */
  static List<Object> together(List<Callable<Object>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Object>> pending = new ArrayList<>();
      for (Callable<Object> call : calls) {
        pending.add(pool.submit(() -> {
          go.await();
          try {
            return call.call();
          } catch (Exception e) {
            return "exception " + e;
          }
        }));
      }
      go.countDown();
      List<Object> results = new ArrayList<>();
      for (Future<Object> result : pending) {
        results.add(result.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
