package net.fsgateway.fleet;

import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fsgateway.config.PgConfig;
import net.fsgateway.config.RedisConfig;
import net.fsgateway.support.LocalProcess;
import net.fsgateway.support.TestBackends;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;

/**
 * A gateway in a JVM of its own ({@code GatewayMain serve} on this test's classpath), configured only by {@code GW_*}
 * environment variables, on the test PostgreSQL database and Redis: what a pod is, so it can be killed like one.
 */
final class ChildGateway implements AutoCloseable {
  static final String CARD_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private final LocalProcess process;
  private final XmlRpcClient client;

  private ChildGateway(LocalProcess process) {
    this.process = process;
    this.client = client(process.port());
  }

  static ChildGateway start(int port, Map<String, String> extraEnv) {
    PgConfig pg = TestBackends.pg();
    RedisConfig redis = TestBackends.redis();
    Map<String, String> env = new HashMap<>(Map.of(
        "GW_HTTP_HOST", "127.0.0.1", "GW_HTTP_PORT", Integer.toString(port), "GW_HTTP_INSTANCES", "1",
        "GW_PG_HOST", pg.host(), "GW_PG_PORT", Integer.toString(pg.port()), "GW_PG_DATABASE", pg.database(),
        "GW_PG_USER", pg.user(), "GW_PG_PASSWORD", pg.password(), "GW_REDIS_URL", redis.url(),
        "GW_BILLING_CARD_KEY", CARD_KEY));
    env.put("GW_CONFIG", Path.of("conf/gateway.json").toAbsolutePath().toString());
    env.put("GW_MANAGEMENT_HOST", "127.0.0.1");
    env.put("GW_MANAGEMENT_PORT", "0"); // any free port: several children, and other tests, run side by side
    env.putAll(extraEnv);
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = List.of(java, "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath,
        "net.fsgateway.GatewayMain", "serve");
    Path dir = Path.of("target", "fleet", "gateway-" + port).toAbsolutePath();
    return new ChildGateway(LocalProcess.start("gateway-" + port, port, dir, command, env, 90_000));
  }

  static XmlRpcClient client(int port) {
    XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
    try {
      config.setServerURL(new URL("http://127.0.0.1:" + port + "/RPC2"));
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    config.setConnectionTimeout(2_000);
    config.setReplyTimeout(30_000);
    XmlRpcClient client = new XmlRpcClient();
    client.setConfig(config);
    return client;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> call(String method, Map<String, ?> struct) throws Exception {
    return (Map<String, Object>) client.execute("FS.SelfService.XMLRPC." + method, new Object[] {struct});
  }

  LocalProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.close();
  }
}
