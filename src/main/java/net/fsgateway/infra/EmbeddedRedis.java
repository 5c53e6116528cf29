package net.fsgateway.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** A real Redis (codemonstur's embedded binaries) bound to 127.0.0.1, with its working directory of our choosing. */
public final class EmbeddedRedis implements AutoCloseable {
  private final RedisServer server;
  private final int port;

  private EmbeddedRedis(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts Redis on {@code port} with {@code dir} as its working directory. With {@code persist} it snapshots to
   * {@code dir/dump.rdb} (sessions survive a restart); without it nothing is written.
   */
  public static EmbeddedRedis start(Path dir, int port, boolean persist) {
    try {
      Files.createDirectories(dir);
      RedisServer server = RedisServer.newRedisServer()
          .port(port)
          .bind("127.0.0.1")
          .setting("dir " + dir.toAbsolutePath())
          .setting(persist ? "save 60 1" : "save \"\"")
          .setting("appendonly no")
          .setting("protected-mode no")
          .build();
      server.start();
      return new EmbeddedRedis(server, port);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded Redis did not start on port " + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded Redis did not stop cleanly", e);
    }
  }
}
