package net.fsgateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.support.TestBackends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cache against a real Redis, driven on its own event loop so that the order of events is the test's: a logout
 * and the next lookup in one event-loop task leave Redis's invalidation push no chance to arrive in between.
 */
@Timeout(30)
class SessionCacheTest {
  private Vertx vertx;
  private Context context;
  private SessionStore store;
  private SessionCache cache;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    EndedSessions ended = EndedSessions.shared(vertx);
    store = new SessionStore(RedisClients.create(vertx, TestBackends.redis()), 3600, ended);
    cache = onLoop(() -> new SessionCache(RedisClients.tracking(vertx, TestBackends.redis()), 100, ended,
        new net.fsgateway.resilience.Deadline(vertx, net.fsgateway.resilience.FailureClassifier.Backend.REDIS, 2_000)));
  }

  @AfterEach
  void stop() throws Exception {
    onLoop(() -> cache.close());
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aRememberedSessionIsAnsweredFromMemory() throws Exception {
    String key = SessionStore.key(remembered(42));
    assertThat(onLoop(() -> cache.resolve(key, store::resolveKey).isComplete())).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLogoutHereIsNeverAnsweredFromMemoryEvenBeforeTheInvalidationArrives() throws Exception {
    String id = remembered(42);
    String key = SessionStore.key(id);
    Future<Optional<Long>>[] next = new Future[1];
    boolean answeredAtOnce = onLoop(() -> {
      store.delete(id);
      next[0] = cache.resolve(key, store::resolveKey);
      return next[0].isComplete();
    });
    // Not complete within the task: the lookup went to Redis instead of answering the remembered agent.
    assertThat(answeredAtOnce).isFalse();
    next[0].toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** A session of {@code agentnum}, resolved until the cache holds it. */
  private String remembered(long agentnum) throws Exception {
    String id = store.create(agentnum).await(5, TimeUnit.SECONDS);
    String key = SessionStore.key(id);
    for (int i = 0; i < 100 && onLoop(() -> cache.size()) == 0; i++) {
      Optional<Long> agent = onLoop(() -> cache.resolve(key, store::resolveKey)).toCompletionStage()
          .toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertThat(agent).contains(agentnum);
      Thread.sleep(20);
    }
    assertThat(onLoop(() -> cache.size())).isEqualTo(1);
    return id;
  }

  private <T> T onLoop(Supplier<T> task) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(ignored -> {
      try {
        result.complete(task.get());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result.get(5, TimeUnit.SECONDS);
  }
}
