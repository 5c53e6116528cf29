package net.fsgateway.infra;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a service has opened so far, closed together by its stop(): after a partial start only what was opened is
 * closed, and every close runs even if another fails.
 */
public final class Closeables {
  private final List<Supplier<Future<?>>> closers = new ArrayList<>();

  /** Remembers {@code resource} with how to close it, and returns it. */
  public <T> T add(T resource, Function<T, Future<?>> close) {
    closers.add(() -> close.apply(resource));
    return resource;
  }

  public RedisAPI add(RedisAPI redis) {
    return add(redis, r -> {
      r.close();
      return Future.succeededFuture();
    });
  }

  /** Closes everything added, newest first; completes when every close has. */
  public Future<Void> closeAll() {
    List<Future<?>> closing = new ArrayList<>();
    for (int i = closers.size() - 1; i >= 0; i--) {
      closing.add(closers.get(i).get());
    }
    closers.clear();
    return Future.join(closing).mapEmpty();
  }
}
