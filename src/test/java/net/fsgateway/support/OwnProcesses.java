package net.fsgateway.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Helpers for the backends fault tests start, stop and freeze themselves: commands, ports, signals. */
final class OwnProcesses {
  /** The fault tests' port range (the reliability task's: 26000-26999). */
  static final int FIRST_PORT = 26000;
  static final int LAST_PORT = 26999;

  private OwnProcesses() {
  }

  /** A free port of the range, from {@code from} on. */
  static int freePort(int from) {
    for (int port = from; port <= LAST_PORT; port++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        // next
      }
    }
    throw new IllegalStateException("no free port in " + from + "-" + LAST_PORT);
  }

  /** Runs a command to its end and returns its output. Fails on a non-zero exit, with the output. */
  static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("exit " + process.exitValue() + ": " + command + "\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(command.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code signal} (STOP, CONT, KILL) to a process and every descendant it has now. */
  static void signalTree(long pid, String signal) {
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(pid)));
    ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> command.add(Long.toString(d.pid()))));
    run(command);
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory: best effort
    }
  }
}
