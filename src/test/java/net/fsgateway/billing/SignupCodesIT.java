package net.fsgateway.billing;

import static net.fsgateway.billing.FreesideFieldsIT.custnumOf;
import static net.fsgateway.billing.SignupFixtures.execute;
import static net.fsgateway.billing.SignupFixtures.insert;
import static net.fsgateway.billing.SignupFixtures.queryLong;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.fsgateway.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Promotional codes select packages (new_customer and signup_info) as Freeside's part_pkg.promo_code; a
 * registration code grants its packages to the agent's customers and is consumed by exactly one signup, even when
 * several race for it.
 */
@Timeout(90)
class SignupCodesIT {
  private static TestGateway gateway;
  private static SignupFixtures data;
  private static long promoPkgpart;
  private static String promo;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start();
    data = new SignupFixtures(gateway);
    promo = "SPRING-" + UUID.randomUUID().toString().substring(0, 6);
    promoPkgpart = insert("INSERT INTO part_pkg (pkg, setup_fee, recur_fee, freq, default_domsvc, promo_code)"
        + " VALUES ('Spring deal', 0, 9.95, 12, ?, ?) RETURNING pkgpart", data.sharedDomsvc, promo);
    execute("INSERT INTO agent_pkg (agentnum, pkgpart) VALUES (?, ?)", data.agentnum, promoPkgpart);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void promoCodeMustMatchThePackage() throws Exception {
    Map<String, Object> call = data.card(FreesideFieldsIT.user());
    call.put("pkgpart", (int) promoPkgpart);
    call.put("promo_code", promo.toLowerCase());
    custnumOf(gateway.call("new_customer", call));

    Map<String, Object> wrongPackage = data.card(FreesideFieldsIT.user());
    wrongPackage.put("promo_code", promo);
    assertThat(gateway.call("new_customer", wrongPackage).get("error")).isEqualTo("Unknown promotional code");
  }

  @Test
  void signupInfoFiltersByPromoCode() throws Exception {
    Map<String, Object> filtered = gateway.call("signup_info", Map.of("session_id", data.sessionId,
        "promo_code", promo));
    assertThat(filtered.get("error")).isEqualTo("");
    assertThat(pkgparts(filtered)).containsExactly(String.valueOf(promoPkgpart));
    Map<?, ?> entry = (Map<?, ?>) ((Object[]) filtered.get("part_pkg"))[0];
    assertThat(entry.get("freq_pretty")).isEqualTo("annually");
    assertThat(entry.get("options")).isEqualTo(Map.of("setup_fee", "0.00", "recur_fee", "9.95"));

    Map<String, Object> unknown = gateway.call("signup_info", Map.of("session_id", data.sessionId,
        "promo_code", "NOPE"));
    assertThat(unknown.get("error")).isEqualTo("Unknown promotional code");
    assertThat(pkgparts(unknown)).as("Freeside falls back to the agent's list")
        .containsExactlyInAnyOrder(String.valueOf(data.pkgpart), String.valueOf(promoPkgpart));
  }

  @Test
  void registrationCodeGrantsItsPackagesOnce() throws Exception {
    String code = regCode(data.notSoldPkgpart);
    Map<String, Object> info = gateway.call("signup_info", Map.of("session_id", data.sessionId, "reg_code", code));
    assertThat(pkgparts(info)).containsExactly(String.valueOf(data.notSoldPkgpart));

    Map<String, Object> otherPackage = data.card(FreesideFieldsIT.user());
    otherPackage.put("reg_code", code);
    assertThat(gateway.call("new_customer", otherPackage).get("error")).isEqualTo("Unknown registration code");

    Map<String, Object> call = data.card(FreesideFieldsIT.user());
    call.put("pkgpart", (int) data.notSoldPkgpart);
    call.put("reg_code", code.toLowerCase());
    custnumOf(gateway.call("new_customer", call));
    assertThat(queryLong("SELECT count(*) FROM reg_code WHERE code = ?", code)).as("consumed").isZero();

    call.put("username", FreesideFieldsIT.user());
    assertThat(gateway.call("new_customer", call).get("error")).isEqualTo("Unknown registration code");
  }

  @Test
  void anotherAgentsRegistrationCodeIsUnknown() throws Exception {
    String code = "OTHER-" + UUID.randomUUID().toString().substring(0, 8);
    long codenum = insert("INSERT INTO reg_code (code, agentnum) VALUES (?, ?) RETURNING codenum", code,
        data.otherAgentnum);
    execute("INSERT INTO reg_code_pkg (codenum, pkgpart) VALUES (?, ?)", codenum, data.notSoldPkgpart);
    Map<String, Object> call = data.card(FreesideFieldsIT.user());
    call.put("pkgpart", (int) data.notSoldPkgpart);
    call.put("reg_code", code);
    assertThat(gateway.call("new_customer", call).get("error")).isEqualTo("Unknown registration code");
    assertThat(queryLong("SELECT count(*) FROM reg_code WHERE code = ?", code)).isEqualTo(1);
  }

  @Test
  void racingSignupsConsumeARegistrationCodeOnce() throws Exception {
    int racers = 6;
    for (int round = 0; round < 3; round++) {
      String code = regCode(data.pkgpart);
      ExecutorService pool = Executors.newFixedThreadPool(racers);
      CountDownLatch go = new CountDownLatch(1);
      try {
        List<CompletableFuture<Map<String, Object>>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
          answers.add(CompletableFuture.supplyAsync(() -> signupWithCode(code, go), pool));
        }
        go.countDown();
        List<Object> errors = answers.stream().map(CompletableFuture::join).map(a -> a.get("error")).toList();
        assertThat(errors).filteredOn(""::equals).hasSize(1);
        assertThat(errors).filteredOn(e -> !"".equals(e)).containsOnly("Unknown registration code");
        assertThat(queryLong("SELECT count(*) FROM audit_log a JOIN cust_main c USING (custnum)"
            + " WHERE c.last = ?", "Racer-" + code)).as("one customer made").isEqualTo(1);
      } finally {
        pool.shutdown();
      }
    }
  }

  private Map<String, Object> signupWithCode(String code, CountDownLatch go) {
    Map<String, Object> call = data.card(FreesideFieldsIT.user());
    call.put("reg_code", code);
    call.put("last", "Racer-" + code);
    try {
      go.await();
      return gateway.call("new_customer", call);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String regCode(long pkgpart) throws Exception {
    String code = "REG-" + UUID.randomUUID().toString().substring(0, 8);
    long codenum = insert("INSERT INTO reg_code (code, agentnum) VALUES (?, ?) RETURNING codenum", code,
        data.agentnum);
    execute("INSERT INTO reg_code_pkg (codenum, pkgpart) VALUES (?, ?)", codenum, pkgpart);
    return code;
  }

  private static List<String> pkgparts(Map<String, Object> info) {
    return Arrays.stream((Object[]) info.get("part_pkg"))
        .map(p -> String.valueOf(((Map<?, ?>) p).get("pkgpart"))).toList();
  }
}
