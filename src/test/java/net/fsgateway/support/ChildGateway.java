package net.fsgateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The gateway in a JVM of its own, started as an operator would ({@code serve}, settings from {@code GW_*}
 * variables) with the test's classpath, so a test can read its resident size from {@code /proc} and hold it to a
 * figure. Its output is kept in memory (the last lines, for a failure message).
 */
public final class ChildGateway implements AutoCloseable {
  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final int port;

  private ChildGateway(Process process, int port) {
    this.process = process;
    this.port = port;
    Thread reader = new Thread(this::readOutput, "child-gateway-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code serve} with {@code jvmOptions} (e.g. the manifest's heap) and {@code env} on top of the test port. */
  public static ChildGateway start(List<String> jvmOptions, Map<String, String> env) {
    int port = OwnProcesses.freePort(26080);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "net.fsgateway.GatewayMain", "serve"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("GW_HTTP_PORT", Integer.toString(port));
    builder.environment().put("GW_HTTP_HOST", "127.0.0.1");
    builder.environment().put("GW_MANAGEMENT_HOST", "127.0.0.1");
    builder.environment().put("GW_MANAGEMENT_PORT", "0"); // any free port: 9090 may be taken
    builder.environment().put("GW_BILLING_CARD_KEY", TestGateway.TEST_CARD_KEY);
    try {
      ChildGateway child = new ChildGateway(builder.start(), port);
      if (!child.ready.await(60, TimeUnit.SECONDS)) {
        child.close();
        throw new IllegalStateException("child gateway not ready in 60 s:\n" + child.lastLines());
      }
      return child;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  /** VmRSS in MiB, from /proc. */
  public long residentMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("child gateway gone:\n" + lastLines(), e);
    }
    throw new IllegalStateException("no VmRSS");
  }

  public synchronized String lastLines() {
    return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
  }

  /** How many output lines contain {@code text}. */
  public synchronized long linesContaining(String text) {
    return output.stream().filter(line -> line.contains(text)).count();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void readOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (this) {
          output.add(line);
          if (output.size() > 100_000) {
            output.subList(0, 50_000).clear();
          }
        }
        if (line.contains("ready: XML-RPC")) {
          ready.countDown();
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }
}
