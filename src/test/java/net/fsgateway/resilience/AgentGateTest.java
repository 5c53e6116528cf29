package net.fsgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gate's own limit, queue and fair share, on a real Vert.x instance. */
@Timeout(10)
class AgentGateTest {
  private static final long A = 1;
  private static final long B = 2;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void anAgentAloneRunsItsOwnLimitAndItsNextCallWaitsForALeave() throws Exception {
    AgentGate gate = new AgentGate(vertx, 8, 5_000, 4);
    for (int i = 0; i < 6; i++) {
      assertThat(gate.enter(A, 6).succeeded()).as("call %d alone", i).isTrue();
    }
    Future<Void> seventh = gate.enter(A, 6);
    assertThat(seventh.isComplete()).isFalse();
    gate.leave(A);
    seventh.await(5, TimeUnit.SECONDS);
    assertThat(gate.running(A)).isEqualTo(6);
  }

  @Test
  void whileAnotherAgentIsActiveEachRunsItsShareAndTheFloodersSlotsAreNotHandedOnBeyondIt() throws Exception {
    AgentGate gate = new AgentGate(vertx, 8, 5_000, 4);
    for (int i = 0; i < 6; i++) {
      gate.enter(A, 6);
    }
    Future<Void> waiting = gate.enter(A, 6);
    assertThat(gate.enter(B, 6).succeeded()).as("the other agent's first call").isTrue();
    assertThat(gate.enter(B, 6).succeeded()).isTrue();
    assertThat(gate.enter(B, 6).isComplete()).as("the other agent beyond its share of 4 / 2").isFalse();
    for (int i = 0; i < 4; i++) {
      gate.leave(A);
    }
    assertThat(gate.running(A)).as("slots given back above the share stay free").isEqualTo(2);
    assertThat(waiting.isComplete()).isFalse();
    gate.leave(A);
    waiting.await(5, TimeUnit.SECONDS);
    assertThat(gate.running(A)).isEqualTo(2);
  }

  @Test
  void aFullQueueRefusesAtOnceAndAWaitPastTheLimitIsRefused() {
    AgentGate gate = new AgentGate(vertx, 1, 50, 0);
    gate.enter(A, 1);
    Future<Void> queued = gate.enter(A, 1);
    Future<Void> overflow = gate.enter(A, 1);
    assertThat(overflow.failed()).isTrue();
    assertThat(overflow.cause()).isInstanceOf(BackendFailure.class).hasMessageContaining("queue of 1 is full");
    assertThat(queued.toCompletionStage().toCompletableFuture()).failsWithin(5, TimeUnit.SECONDS)
        .withThrowableThat().withMessageContaining("no slot within 50 ms");
  }

  @Test
  void withoutASplitEveryAgentKeepsItsOwnLimitBesideOthers() {
    AgentGate gate = new AgentGate(vertx, 8, 5_000, 0);
    gate.enter(B, 6);
    for (int i = 0; i < 6; i++) {
      assertThat(gate.enter(A, 6).succeeded()).isTrue();
    }
  }

  @Test
  void aSlotFreedOnAnEventLoopGoesToAWaiterOfThatLoopBeforeAYoungWaiterOfAnother() throws Exception {
    AgentGate gate = new AgentGate(vertx, 8, 60_000, 0); // a minute's wait: the waiters stay "young" for 300 ms
    Context[] loops = twoEventLoops();
    on(loops[0], () -> gate.enter(A, 1));
    Future<Void> otherLoop = on(loops[1], () -> gate.enter(A, 1));
    Future<Void> sameLoop = on(loops[0], () -> gate.enter(A, 1));
    on(loops[0], () -> {
      gate.leave(A);
      return null;
    });
    sameLoop.await(5, TimeUnit.SECONDS);
    assertThat(otherLoop.isComplete()).as("the older waiter of the other loop").isFalse();
    on(loops[0], () -> {
      gate.leave(A);
      return null;
    });
    otherLoop.await(5, TimeUnit.SECONDS);
  }

  @Test
  void theOldestWaiterGoesFirstOnceItHasWaitedAWhile() throws Exception {
    AgentGate gate = new AgentGate(vertx, 8, 1_000, 0); // 5 ms
    Context[] loops = twoEventLoops();
    on(loops[0], () -> gate.enter(A, 1));
    Future<Void> otherLoop = on(loops[1], () -> gate.enter(A, 1));
    Future<Void> sameLoop = on(loops[0], () -> gate.enter(A, 1));
    Thread.sleep(50);
    on(loops[0], () -> {
      gate.leave(A);
      return null;
    });
    otherLoop.await(5, TimeUnit.SECONDS);
    assertThat(sameLoop.isComplete()).as("the younger waiter, though on the freeing loop").isFalse();
  }

  /** Two event-loop contexts on different threads. */
  private Context[] twoEventLoops() throws Exception {
    VertxInternal internal = (VertxInternal) vertx;
    Context first = internal.createEventLoopContext();
    Thread firstThread = on(first, Thread::currentThread);
    for (int i = 0; i < 64; i++) {
      Context other = internal.createEventLoopContext();
      if (on(other, Thread::currentThread) != firstThread) {
        return new Context[] {first, other};
      }
    }
    throw new IllegalStateException("one event loop only");
  }

  private static <T> T on(Context context, Supplier<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(ignored -> result.complete(work.get()));
    return result.get(5, TimeUnit.SECONDS);
  }
}
