package net.fsgateway.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutsTest {
  private final Vertx vertx = Vertx.vertx();
  private final Context loop = vertx.getOrCreateContext();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void aTimeoutRunsOnItsEventLoopOnceItsLengthHasPassedAndNotBefore() throws Exception {
    Timeouts timeouts = new Timeouts(vertx, 150);
    CompletableFuture<Long> ranAfterMs = new CompletableFuture<>();
    CompletableFuture<Boolean> onLoop = new CompletableFuture<>();
    onLoop(() -> {
      long start = System.nanoTime();
      timeouts.arm(() -> {
        onLoop.complete(Context.isOnEventLoopThread());
        ranAfterMs.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      });
      return null;
    });
    assertThat(ranAfterMs.get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(150).isLessThan(2_000);
    assertThat(onLoop.get()).isTrue();
  }

  @Test
  void cancelledTimeoutsNeverRunAndTheOnesArmedBehindThemStillDo() throws Exception {
    Timeouts timeouts = new Timeouts(vertx, 100);
    List<Integer> ran = new CopyOnWriteArrayList<>();
    CountDownLatch lastRan = new CountDownLatch(1);
    onLoop(() -> {
      for (int i = 0; i < 1_000; i++) {
        int n = i;
        Timeouts.Timeout timeout = timeouts.arm(() -> {
          ran.add(n);
          if (n == 999) {
            lastRan.countDown();
          }
        });
        if (n % 10 != 9) {
          timeout.cancel();
        }
      }
      return null;
    });
    // The head was cancelled long before its time: the one timer still finds every live entry behind it.
    Thread.sleep(20);
    CompletableFuture<Void> later = new CompletableFuture<>();
    onLoop(() -> timeouts.arm(() -> later.complete(null)));
    assertThat(lastRan.await(5, TimeUnit.SECONDS)).isTrue();
    later.get(5, TimeUnit.SECONDS);
    assertThat(ran).hasSize(100).isSorted().allMatch(n -> n % 10 == 9);
  }

  @Test
  void behindOneThatHangsTheCancelledOnesDoNotPileUp() throws Exception {
    Timeouts timeouts = new Timeouts(vertx, 60_000);
    int held = onLoop(() -> {
      timeouts.arm(() -> { }); // live for a minute: the head never leaves during the test
      for (int i = 0; i < 100_000; i++) {
        timeouts.arm(() -> { }).cancel();
      }
      return timeouts.held();
    });
    assertThat(held).isLessThanOrEqualTo(2 * Timeouts.SWEEP_FROM);
  }

  @Test
  void aTimeoutArmedAgainAfterTheQueueRanDryFiresAgain() throws Exception {
    Timeouts timeouts = new Timeouts(vertx, 30);
    for (int round = 0; round < 3; round++) {
      CompletableFuture<Void> fired = new CompletableFuture<>();
      onLoop(() -> timeouts.arm(() -> fired.complete(null)));
      fired.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void offAnEventLoopItIsAnOrdinaryTimerThatCancels() throws Exception {
    Timeouts timeouts = new Timeouts(vertx, 50);
    CompletableFuture<Void> fired = new CompletableFuture<>();
    timeouts.arm(() -> fired.complete(null));
    fired.get(5, TimeUnit.SECONDS);
    List<String> cancelledRan = new CopyOnWriteArrayList<>();
    timeouts.arm(() -> cancelledRan.add("ran")).cancel();
    Thread.sleep(200);
    assertThat(cancelledRan).isEmpty();
  }

  private <T> T onLoop(Supplier<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    loop.runOnContext(ignored -> result.complete(work.get()));
    return result.get(5, TimeUnit.SECONDS);
  }
}
