package net.fsgateway.billing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.PgConfig;
import net.fsgateway.support.TestBackends;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;

/**
 * A real gateway in its own JVM ({@code GatewayMain serve}, configured by environment like a pod), on the test
 * database and Redis, paying through the given Authorize.Net endpoint, so that tests can kill it with SIGKILL.
 * {@code crashAt} (a CrashPoints step, or '') makes it halt by itself at that step boundary.
 */
final class ChildGateway implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private ChildGateway(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static ChildGateway start(String endpoint, String crashAt) throws Exception {
    int port = freePort();
    Path log = Files.createTempFile("fsgw-child-", ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
    if (!crashAt.isEmpty()) {
      command.add("-Dfsgw.crashAt=" + crashAt);
    }
    command.addAll(List.of("net.fsgateway.GatewayMain", "serve"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("GW_"));
    env.putAll(PaymentsHarness.env(endpoint));
    PgConfig pg = TestBackends.pg();
    env.put("GW_PG_HOST", pg.host());
    env.put("GW_PG_PORT", Integer.toString(pg.port()));
    env.put("GW_PG_DATABASE", pg.database());
    env.put("GW_PG_USER", pg.user());
    env.put("GW_PG_PASSWORD", pg.password());
    env.put("GW_REDIS_URL", TestBackends.redis().url());
    env.put("GW_MANAGEMENT_HOST", "127.0.0.1");
    env.put("GW_MANAGEMENT_PORT", "0"); // any free port: 9090 may be taken
    env.put("GW_HTTP_HOST", "127.0.0.1");
    env.put("GW_HTTP_PORT", Integer.toString(port));
    env.put("GW_HTTP_INSTANCES", "1");
    env.put("GW_BILLING_PROCESSOR_TIMEOUT_MS", "10000");
    ChildGateway child = new ChildGateway(builder.start(), port, log);
    try {
      child.awaitReady();
    } catch (Exception e) {
      child.close();
      throw e;
    }
    return child;
  }

  XmlRpcClient client() throws Exception {
    XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
    config.setServerURL(new URL("http://127.0.0.1:" + port + "/selfservice/xmlrpc.cgi"));
    config.setReplyTimeout(30_000);
    XmlRpcClient client = new XmlRpcClient();
    client.setConfig(config);
    return client;
  }

  /** A real {@code kill -9}, then waits for the process to be gone; its exit code. */
  int kill9() throws Exception {
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start();
    kill.waitFor(10, TimeUnit.SECONDS);
    return exitCode();
  }

  int exitCode() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the child gateway did not exit");
    }
    return process.exitValue();
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the child gateway exited: " + logTail());
      }
      try {
        // The XML-RPC listener opens once every verticle is deployed: any answer (405 to a GET) means ready.
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/RPC2").toURL()
            .openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(1000);
        if (c.getResponseCode() == 405) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the child gateway did not become ready in 60 s: " + logTail());
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
      Files.deleteIfExists(log);
    } catch (InterruptedException | IOException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
