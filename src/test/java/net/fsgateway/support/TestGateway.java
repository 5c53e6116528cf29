package net.fsgateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import net.fsgateway.Gateway;
import net.fsgateway.bus.Codecs;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.DeadlinesConfig;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.config.HttpConfig;
import net.fsgateway.config.ThrottleConfig;
import net.fsgateway.ops.Operations;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;

/**
 * The whole gateway on a free port over the test PostgreSQL and Redis, and an independent XML-RPC client
 * (Apache XML-RPC) to call it the way a reseller's integration would.
 */
public final class TestGateway implements AutoCloseable {
  /**
   * Backend deadlines for tests that are not about them are seconds, not the production defaults' hundreds of
   * milliseconds, so a machine busy with other builds does not turn a slow answer into a fault; they are fitted
   * under the test's call timeout once its tweak has run. Until then the config holds this placeholder (small
   * enough for any call timeout a tweak may set). The fault tests set the defaults back ({@link #productionDeadlines}).
   */
  private static final DeadlinesConfig UNSET_DEADLINES = new DeadlinesConfig(10, 10, 10);
  private static final int LENIENT_MS = 3_000;

  public static final String TEST_CARD_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private final Vertx vertx;
  private final GatewayConfig config;

  private TestGateway(Vertx vertx, GatewayConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  public static TestGateway start() {
    return start(UnaryOperator.identity());
  }

  /** Starts the gateway with the test backends; {@code tweak} may change any other setting. */
  public static TestGateway start(UnaryOperator<GatewayConfig> tweak) {
    // A fixed key: with an external database the gateway refuses to invent one per machine.
    GatewayConfig base = ConfigLoader.load(Path.of("does-not-exist.json"), Map.of("GW_BILLING_CARD_KEY", TEST_CARD_KEY))
        .withPg(TestBackends.pg())
        .withRedis(TestBackends.redis());
    base = base.withThrottle(perAddressOff(base.throttle())).withDeadlines(UNSET_DEADLINES);
    GatewayConfig config = tweak.apply(base.withHttp(onPort(base.http(), freePort())));
    if (config.deadlines() == UNSET_DEADLINES) {
      config = config.withDeadlines(lenient(config.limits().callTimeoutMs()));
    }
    // With the gateway's operations attached (metrics, access log), as in production; tests of the management
    // port start it themselves.
    Vertx vertx = Operations.create(config).createVertx(new VertxOptions());
    Codecs.registerAll(vertx.eventBus());
    try {
      Gateway.deploy(vertx, config).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("gateway did not start", e);
    }
    return new TestGateway(vertx, config);
  }

  /** Seconds, or just under {@code callTimeoutMs} when that is shorter. */
  private static DeadlinesConfig lenient(int callTimeoutMs) {
    int under = callTimeoutMs - 1;
    return new DeadlinesConfig(Math.min(LENIENT_MS, under), Math.min(LENIENT_MS, under * 4 / 5),
        Math.min(LENIENT_MS, under));
  }

  /** The shipped defaults of {@code deadlines.*}, for tests of them. */
  public static DeadlinesConfig productionDeadlines() {
    return TestBackends.base().deadlines();
  }

  public Vertx vertx() {
    return vertx;
  }

  public GatewayConfig config() {
    return config;
  }

  public int port() {
    return config.http().port();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** An Apache XML-RPC client on Freeside's path. */
  public XmlRpcClient client() {
    XmlRpcClientConfigImpl clientConfig = new XmlRpcClientConfigImpl();
    try {
      clientConfig.setServerURL(new URL(url("/selfservice/xmlrpc.cgi")));
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    clientConfig.setEnabledForExtensions(false);
    clientConfig.setReplyTimeout(30_000);
    XmlRpcClient client = new XmlRpcClient();
    client.setConfig(clientConfig);
    return client;
  }

  /** Calls {@code FS.SelfService.XMLRPC.<method>} with one struct and returns the answer struct. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> call(String method, Map<String, ?> struct) throws XmlRpcException {
    return (Map<String, Object>) client().execute("FS.SelfService.XMLRPC." + method, new Object[] {struct});
  }

  @Override
  public void close() {
    try {
      vertx.close().await(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("gateway did not stop in 30 s", e);
    }
  }

  /**
   * Every test connects from 127.0.0.1 to a Redis that other test runs may share, so the per-address count
   * would add up across classes and runs and lock unrelated tests out; tests of that limit set it back.
   */
  private static ThrottleConfig perAddressOff(ThrottleConfig t) {
    return new ThrottleConfig(t.slowAfterFailures(), t.maxFailuresPerUser(), Integer.MAX_VALUE, t.windowSeconds(),
        t.lockoutSeconds());
  }

  private static HttpConfig onPort(HttpConfig h, int port) {
    return h.withListener("127.0.0.1", port, 2);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
