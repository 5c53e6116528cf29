package net.fsgateway.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process a fault test starts on a loopback port of its own (redis-server, a Sentinel, PgBouncer; a gateway
 * is a {@link GatewayProcess}), killed by its own PID only and always cleaned up: {@link #close} stops it,
 * {@link #kill9} kills it without warning. Output goes to a log file in its directory.
 */
public final class LocalProcess implements AutoCloseable {
  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private LocalProcess(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code dir} and waits until {@code port} accepts connections. */
  public static LocalProcess start(String name, int port, Path dir, List<String> command, Map<String, String> env,
                                   long readyTimeoutMs) {
    try {
      Files.createDirectories(dir);
      Path log = dir.resolve(name + ".log");
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      LocalProcess started = new LocalProcess(name, port, process, log);
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(readyTimeoutMs);
      while (!answers(port)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          started.close();
          throw new IllegalStateException(name + " did not start on port " + port + ": " + started.logTail());
        }
        Thread.sleep(20);
      }
      return started;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The first of {@code names} found on the PATH or in /usr/sbin, or null. */
  public static String which(String... names) {
    for (String n : names) {
      for (String dir : (System.getenv("PATH") + ":/usr/sbin:/usr/local/sbin").split(":")) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, n))) {
          return Path.of(dir, n).toString();
        }
      }
    }
    return null;
  }

  public static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGKILL, as a crashed machine or an OOM kill: no goodbye to clients or peers. */
  public void kill9() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        kill9();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + "(pid " + process.pid() + ", port " + port + ")";
  }
}
