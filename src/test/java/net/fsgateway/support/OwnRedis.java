package net.fsgateway.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.fsgateway.config.RedisConfig;

/**
 * A redis-server of the test's own on a port of the fault tests' range, so a test may kill it, freeze it
 * (SIGSTOP), make it sleep ({@code DEBUG SLEEP}) or run it as a read-only replica without touching the machine's
 * shared Redis. Skipped when redis-server is not installed.
 */
public final class OwnRedis implements AutoCloseable {
  private final Path dir;
  private final int port;
  private List<String> extra;
  private Process process;
  private boolean frozen;

  private OwnRedis(Path dir, int port, List<String> extra) {
    this.dir = dir;
    this.port = port;
    this.extra = extra;
  }

  public static OwnRedis start() {
    return start(List.of());
  }

  /** {@code extra}: more redis-server options, e.g. {@code --replicaof 127.0.0.1 <port>}. */
  public static OwnRedis start(List<String> extra) {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "redis-server not installed: fault test skipped");
    try {
      OwnRedis redis = new OwnRedis(Files.createTempDirectory("fsgw-fault-redis"), OwnProcesses.freePort(26379), extra);
      redis.startServer();
      return redis;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return port;
  }

  public RedisConfig config() {
    return TestBackends.base().redis().withUrl("redis://127.0.0.1:" + port);
  }

  public void startServer() {
    List<String> command = new ArrayList<>(List.of("/usr/bin/redis-server", "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--enable-debug-command", "yes"));
    command.addAll(extra);
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("server.log").toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < 100 && !answers(cli("PING")); i++) {
      sleep(50);
    }
  }

  /** Up, or up and still loading its data set (which answers LOADING). */
  private static boolean answers(String ping) {
    return ping.startsWith("PONG") || ping.startsWith("LOADING");
  }

  /** Stops the server (the data directory stays) and starts it again with {@code more} options. */
  public void restart(List<String> more) {
    kill();
    extra = List.copyOf(more);
    startServer();
  }

  /** A redis-cli command against this server; its output, or the error text. */
  public String cli(String... args) {
    List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
    command.addAll(List.of(args));
    try {
      return OwnProcesses.run(command).trim();
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void freeze() {
    OwnProcesses.signalTree(process.pid(), "STOP");
    frozen = true;
  }

  public void thaw() {
    OwnProcesses.signalTree(process.pid(), "CONT");
    frozen = false;
  }

  /** {@code DEBUG SLEEP seconds} from a thread of its own (the command itself blocks until it ends). */
  public Thread sleepFor(double seconds) {
    Thread t = new Thread(() -> cli("DEBUG", "SLEEP", Double.toString(seconds)), "redis-debug-sleep");
    t.start();
    return t;
  }

  @Override
  public void close() {
    try {
      if (frozen) {
        thaw();
      }
      if (process != null && process.isAlive()) {
        kill();
      }
    } finally {
      OwnProcesses.deleteTree(dir);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
