package net.fsgateway.resilience;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import net.fsgateway.config.DeadlinesConfig;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

/**
 * A {@link RedisAPI} whose every command has a deadline ({@code deadlines.redisCommandMs}) and whose failures
 * are classified as Redis ones. Every RedisAPI method goes through {@link #send}, so this is the whole wrapper.
 */
public final class DeadlineRedis implements RedisAPI {
  private final RedisAPI delegate;
  private final Deadline deadline;

  public DeadlineRedis(RedisAPI delegate, Deadline deadline) {
    this.delegate = delegate;
    this.deadline = deadline;
  }

  /** {@code api} with {@code deadlines.redisCommandMs} on every command. */
  public static RedisAPI wrap(Vertx vertx, RedisAPI api, DeadlinesConfig deadlines) {
    return new DeadlineRedis(api, Deadline.redis(vertx, deadlines));
  }

  @Override
  public Future<Response> send(Command cmd, String... args) {
    return deadline.bound(delegate.send(cmd, args));
  }

  @Override
  public void close() {
    delegate.close();
  }
}
