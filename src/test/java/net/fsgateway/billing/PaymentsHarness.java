package net.fsgateway.billing;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.fsgateway.billing.authorizenet.AuthorizeNetSimulator;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.ops.ProcessCounters;
import net.fsgateway.support.TestGateway;

/**
 * A gateway whose processor is Authorize.Net, pointed at an {@link AuthorizeNetSimulator} on its own Vert.x
 * (so the simulator's ledger outlives the gateway), with signup fixtures. Settings are given as the environment
 * an operator would set, so the test does not depend on the config records' shapes.
 */
final class PaymentsHarness implements AutoCloseable {
  final Vertx simulatorVertx = Vertx.vertx();
  final AuthorizeNetSimulator simulator = new AuthorizeNetSimulator(simulatorVertx);
  final TestGateway gateway;
  final SignupFixtures data;

  private PaymentsHarness(Map<String, String> overrides) throws Exception {
    simulator.start(0).await(10, TimeUnit.SECONDS);
    Map<String, String> env = env(simulator.endpoint());
    env.putAll(overrides);
    GatewayConfig settings = ConfigLoader.load(Path.of("does-not-exist.json"), env);
    
    gateway = TestGateway.start(c -> c.withBilling(settings.billing()).withPayments(settings.payments()));
    data = new SignupFixtures(gateway);
  }

  static PaymentsHarness start() throws Exception {
    return new PaymentsHarness(Map.of());
  }

  static PaymentsHarness start(Map<String, String> overrides) throws Exception {
    return new PaymentsHarness(overrides);
  }

  /** The environment that points a gateway at the simulator. */
  static Map<String, String> env(String endpoint) {
    Map<String, String> env = new HashMap<>();
    env.put("GW_BILLING_CARD_KEY", TestGateway.TEST_CARD_KEY);
    env.put("GW_BILLING_PROCESSOR", "authorizenet");
    env.put("GW_BILLING_PROCESSOR_TIMEOUT_MS", "1500");
    env.put("GW_BILLING_AUTHORIZENET_ENDPOINT", endpoint);
    env.put("GW_BILLING_AUTHORIZENET_API_LOGIN_ID", AuthorizeNetSimulator.LOGIN);
    env.put("GW_BILLING_AUTHORIZENET_TRANSACTION_KEY", AuthorizeNetSimulator.KEY);
    return env;
  }

  /** Settings as a gateway pointed at {@code endpoint} would load them. */
  static GatewayConfig settings(String endpoint) {
    return ConfigLoader.load(Path.of("does-not-exist.json"), env(endpoint));
  }

  /** new_customer, and then the capture it started after its answer, so the journal and ledger are settled. */
  Map<String, Object> call(Map<String, Object> struct) throws Exception {
    Map<String, Object> answer = gateway.call("new_customer", struct);
    awaitCaptures();
    return answer;
  }

  /** Until no capture of this JVM's gateways is still with the processor (each has its processor timeout). */
  static void awaitCaptures() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProcessCounters.capturesPending() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  /** The reseller's newest journal row as {attempt_id, state, reference, amount}. */
  Map<String, String> lastAttempt() throws SQLException {
    return attempt("SELECT attempt_id, state, reference, amount FROM payment_journal WHERE agentnum = ?"
        + " ORDER BY attempt_id DESC LIMIT 1", data.agentnum);
  }

  static Map<String, String> attempt(String sql, Object arg) throws SQLException {
    Map<String, String> row = new HashMap<>();
    try (var c = SignupFixtures.jdbc(); var st = c.prepareStatement(sql)) {
      st.setObject(1, arg);
      try (var rs = st.executeQuery()) {
        if (rs.next()) {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
          }
        }
      }
    }
    return row;
  }

  long customers(String username) throws SQLException {
    return SignupFixtures.queryLong("SELECT count(*) FROM svc_acct WHERE lower(username) = lower(?)", username);
  }

  String paymentReference(String username) throws SQLException {
    return SignupFixtures.queryString("SELECT y.processor_ref FROM svc_acct a JOIN cust_pkg p ON p.pkgnum = a.pkgnum"
        + " JOIN cust_pay y ON y.custnum = p.custnum WHERE lower(a.username) = lower(?)", username);
  }

  @Override
  public void close() {
    try {
      gateway.close();
    } finally {
      simulator.close();
      simulatorVertx.close().await();
    }
  }
}
