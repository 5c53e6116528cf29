package net.fsgateway.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real Redis servers, Sentinels and cluster nodes on loopback for the fleet tests, from the machine's
 * {@code redis-server} (Debian's runs as a Sentinel with {@code --sentinel}); a test is skipped with the reason when
 * it is missing (`.ci/run` installs it).
 */
public final class RedisProcesses implements AutoCloseable {
  private final Path dir;
  private final List<LocalProcess> started = new ArrayList<>();

  public RedisProcesses(String name) {
    Assumptions.assumeTrue(LocalProcess.which("redis-server") != null && LocalProcess.which("redis-cli") != null,
        "redis-server / redis-cli not installed (apt-get install redis-server): " + name + " skipped");
    try {
      dir = Files.createTempDirectory("fsgw-" + name);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Redis server; {@code extra} are more {@code redis-server} arguments. */
  public LocalProcess server(int port, String... extra) {
    List<String> command = new ArrayList<>(List.of(LocalProcess.which("redis-server"), "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
    command.addAll(List.of(extra));
    return keep(LocalProcess.start("redis-" + port, port, dir, command, Map.of(), 10_000));
  }

  /** A Sentinel watching {@code master} at {@code masterPort}, quorum 2, down after {@code downAfterMs}. */
  public LocalProcess sentinel(int port, String master, int masterPort, int downAfterMs) {
    Path conf = dir.resolve("sentinel-" + port + ".conf");
    try {
      Files.writeString(conf, String.join("\n",
          "port " + port, "bind 127.0.0.1", "dir " + dir,
          "sentinel monitor " + master + " 127.0.0.1 " + masterPort + " 2",
          "sentinel down-after-milliseconds " + master + " " + downAfterMs,
          "sentinel failover-timeout " + master + " 10000",
          "sentinel parallel-syncs " + master + " 1", ""));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<String> command = List.of(LocalProcess.which("redis-server"), conf.toString(), "--sentinel");
    return keep(LocalProcess.start("sentinel-" + port, port, dir, command, Map.of(), 10_000));
  }

  /**
   * A cluster node (no replicas of its own) with its cluster bus on {@code busPort}: the default, port + 10,000,
   * would leave the test's port range and may be some other connection's ephemeral port.
   */
  public LocalProcess clusterNode(int port, int busPort) {
    return server(port, "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
        "--cluster-node-timeout", "2000", "--cluster-port", Integer.toString(busPort));
  }

  /** {@code redis-cli -p port args…}; its output, trimmed. */
  public String cli(int port, String... args) {
    List<String> command = new ArrayList<>(List.of(LocalProcess.which("redis-cli"), "-h", "127.0.0.1", "-p",
        Integer.toString(port)));
    command.addAll(List.of(args));
    return run(command);
  }

  /** Creates a cluster of the given nodes' masters, all 16,384 slots covered, and waits until it is ok. */
  public void createCluster(int... ports) {
    List<String> command = new ArrayList<>(List.of(LocalProcess.which("redis-cli"), "--cluster", "create"));
    for (int port : ports) {
      command.add("127.0.0.1:" + port);
    }
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    run(command);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (int port : ports) {
      while (!cli(port, "CLUSTER", "INFO").contains("cluster_state:ok")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("cluster not ok on " + port + ": " + cli(port, "CLUSTER", "INFO"));
        }
        sleep(100);
      }
    }
  }

  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return out.trim();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private LocalProcess keep(LocalProcess process) {
    started.add(process);
    return process;
  }

  @Override
  public void close() {
    for (LocalProcess p : started) {
      p.close();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}
