package net.fsgateway.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.embedded.RedisServer;

/**
 * A real Redis (codemonstur's embedded binaries) bound to 127.0.0.1, with its working directory of our choosing.
 *
 * <p>It runs as a daemon ({@code daemonize yes}: a session of its own), stopped only by {@link #close()}: a signal
 * to the gateway's whole process group (Ctrl-C in a terminal, systemd stopping its unit) would otherwise stop it
 * at once, under the calls the gateway is still draining. The library builds the command (binary and settings)
 * but does not start it: its {@code RedisServer.start()} keeps Redis in our process group and adds a JVM shutdown
 * hook that would stop it beside ours.
 */
public final class EmbeddedRedis implements AutoCloseable {
  private static final long START_TIMEOUT_MS = 10_000;
  private static final long STOP_TIMEOUT_SECONDS = 30;

  private final ProcessHandle server;
  private final int port;

  private EmbeddedRedis(ProcessHandle server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts Redis on {@code port} with {@code dir} as its working directory. With {@code persist} it snapshots to
   * {@code dir/dump.rdb} (sessions survive a restart); without it nothing is written. Its log is
   * {@code dir/redis.log}.
   */
  public static EmbeddedRedis start(Path dir, int port, boolean persist) {
    try {
      Files.createDirectories(dir);
      Path pidFile = dir.resolve("redis.pid").toAbsolutePath();
      Path log = dir.resolve("redis.log").toAbsolutePath();
      Files.deleteIfExists(pidFile);
      List<String> command = new ArrayList<>(RedisServer.newRedisServer()
          .port(port)
          .bind("127.0.0.1")
          .setting("dir " + dir.toAbsolutePath())
          .setting(persist ? "save 60 1" : "save \"\"")
          .setting("appendonly no")
          .setting("protected-mode no")
          .buildCommandArgs());
      command.addAll(List.of("--daemonize", "yes", "--pidfile", pidFile.toString(), "--logfile", log.toString()));
      // The launcher forks the daemon and exits; what it prints (a bad setting) comes before the fork.
      Process launcher = new ProcessBuilder(command).redirectErrorStream(true).start();
      String said = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!launcher.waitFor(START_TIMEOUT_MS, TimeUnit.MILLISECONDS) || launcher.exitValue() != 0) {
        launcher.destroyForcibly();
        throw new IOException("redis-server exited: " + said);
      }
      return new EmbeddedRedis(awaitReady(pidFile, port, log), port);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded Redis did not start on port " + port + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the embedded Redis", e);
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** SIGTERM: Redis writes its snapshot (when persisting) and exits; waits for that. */
  @Override
  public void close() {
    if (!server.isAlive()) {
      return;
    }
    server.destroy();
    try {
      server.onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      server.destroyForcibly();
      throw new IllegalStateException("embedded Redis did not stop in " + STOP_TIMEOUT_SECONDS + " s; killed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.destroyForcibly();
    }
  }

  /** The daemon once it has written its PID and answers PING (not LOADING its snapshot any more). */
  private static ProcessHandle awaitReady(Path pidFile, int port, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
    while (System.nanoTime() < deadline) {
      if (Files.exists(pidFile) && answersPing(port)) {
        return daemon(pidFile).orElseThrow(() -> new IOException("redis-server exited; its log " + log + " ends:\n"
            + tail(log)));
      }
      Thread.sleep(20);
    }
    if (Files.exists(pidFile)) {
      daemon(pidFile).ifPresent(ProcessHandle::destroyForcibly); // started but not answering: leave nothing behind
    }
    throw new IOException("no answer in " + START_TIMEOUT_MS + " ms; its log " + log + " ends:\n" + tail(log));
  }

  private static Optional<ProcessHandle> daemon(Path pidFile) throws IOException {
    return ProcessHandle.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip()));
  }

  private static boolean answersPing(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(1_000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      return "+PONG".equals(new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return false;
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
