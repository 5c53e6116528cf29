package net.fsgateway.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.fsgateway.config.PgConfig;
import net.fsgateway.support.TestBackends;

/**
 * A real gateway process ({@code java -cp <the test class path> net.fsgateway.GatewayMain serve}) on external
 * backends — the test JVM's fresh database and the test Redis unless {@code env} says otherwise — with its output
 * in a file. {@link #close()} kills it if it is still running, whatever the test did.
 */
final class ChildGateway implements AutoCloseable {
  static final String CARD_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  final int port;
  final int managementPort;
  final Path log;
  final Process process;

  private ChildGateway(int port, int managementPort, Path log, Process process) {
    this.port = port;
    this.managementPort = managementPort;
    this.log = log;
    this.process = process;
  }

  /** Starts the process; {@code env} adds or overrides {@code GW_*} settings. Does not wait for readiness. */
  static ChildGateway start(Map<String, String> env) throws IOException {
    int port = freePort();
    int managementPort = freePort();
    Path dir = Files.createTempDirectory("fsgw-child");
    Path log = dir.resolve("gateway.log");
    PgConfig pg = TestBackends.pg();
    Map<String, String> settings = new HashMap<>();
    settings.put("GW_HTTP_HOST", "127.0.0.1");
    settings.put("GW_HTTP_PORT", Integer.toString(port));
    settings.put("GW_HTTP_INSTANCES", "2");
    settings.put("GW_MANAGEMENT_HOST", "127.0.0.1");
    settings.put("GW_MANAGEMENT_PORT", Integer.toString(managementPort));
    settings.put("GW_PG_HOST", pg.host());
    settings.put("GW_PG_PORT", Integer.toString(pg.port()));
    settings.put("GW_PG_DATABASE", pg.database());
    settings.put("GW_PG_USER", pg.user());
    settings.put("GW_PG_PASSWORD", pg.password());
    settings.put("GW_REDIS_URL", TestBackends.redis().url());
    settings.put("GW_BILLING_CARD_KEY", CARD_KEY);
    settings.put("GW_EMBEDDED_DATA_DIR", dir.resolve("data").toString());
    settings.putAll(env);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "net.fsgateway.GatewayMain", "serve"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GW_"));
    builder.environment().putAll(settings);
    return new ChildGateway(port, managementPort, log, builder.start());
  }

  /** Waits until {@code /health/ready} answers 200. */
  void awaitReady(long timeoutMs) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("gateway exited with " + process.exitValue() + ":\n" + output());
      }
      if (readiness() == 200) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("gateway not ready in " + timeoutMs + " ms:\n" + output());
  }

  /** The status of {@code /health/ready}, or -1 when the management port does not answer. */
  int readiness() {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
          .timeout(java.time.Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** SIGTERM on Linux. */
  void terminate() {
    process.destroy();
  }

  int awaitExit(long timeoutSeconds) throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException("gateway still running " + timeoutSeconds + " s later");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
