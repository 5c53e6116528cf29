package net.fsgateway.billing.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which items share a statement, with and without a linger; each caller gets its own item's result. */
class GroupCommitTest {
  private final List<List<Integer>> statements = new ArrayList<>();
  private final List<Promise<List<String>>> inFlight = new ArrayList<>();
  private final List<Runnable> lingers = new ArrayList<>();

  private Future<List<String>> statement(List<Integer> items) {
    statements.add(List.copyOf(items));
    Promise<List<String>> done = Promise.promise();
    inFlight.add(done);
    return done.future();
  }

  private static List<String> answers(List<Integer> items) {
    return items.stream().map(i -> "row " + i).toList();
  }

  @Test
  void withoutALingerTheFirstItemGoesAtOnceAndTheRestWaitForItsStatement() {
    GroupCommit<Integer, String> group = new GroupCommit<>(this::statement);
    Future<String> first = group.write(1);
    Future<String> second = group.write(2);
    Future<String> third = group.write(3);
    assertThat(statements).containsExactly(List.of(1));
    inFlight.get(0).complete(answers(List.of(1)));
    assertThat(statements).containsExactly(List.of(1), List.of(2, 3));
    inFlight.get(1).complete(answers(List.of(2, 3)));
    assertThat(first.result()).isEqualTo("row 1");
    assertThat(second.result()).isEqualTo("row 2");
    assertThat(third.result()).isEqualTo("row 3");
  }

  @Test
  void withALingerItemsArrivingDuringItGoTogetherAndLaterOnesLingerAgain() {
    GroupCommit<Integer, String> group = new GroupCommit<>(this::statement, lingers::add);
    Future<String> first = group.write(1);
    group.write(2);
    assertThat(statements).isEmpty();
    assertThat(lingers).hasSize(1);
    lingers.get(0).run();
    assertThat(statements).containsExactly(List.of(1, 2));

    // Arriving while the statement is in flight: they wait for it, then for a linger of their own.
    Future<String> third = group.write(3);
    group.write(4);
    inFlight.get(0).complete(answers(List.of(1, 2)));
    assertThat(first.result()).isEqualTo("row 1");
    assertThat(statements).hasSize(1);
    assertThat(lingers).hasSize(2);
    group.write(5);
    lingers.get(1).run();
    assertThat(statements).containsExactly(List.of(1, 2), List.of(3, 4, 5));
    inFlight.get(1).complete(answers(List.of(3, 4, 5)));
    assertThat(third.result()).isEqualTo("row 3");

    // Idle again: the next item starts a new linger.
    group.write(6);
    assertThat(lingers).hasSize(3);
    assertThat(statements).hasSize(2);
  }

  @Test
  void aFailedStatementFailsEachOfItsItemsAndTheNextStillRuns() {
    GroupCommit<Integer, String> group = new GroupCommit<>(this::statement, lingers::add);
    Future<String> first = group.write(1);
    lingers.get(0).run();
    Future<String> second = group.write(2);
    inFlight.get(0).fail(new IllegalStateException("connection closed"));
    assertThat(first.cause()).hasMessage("connection closed");
    lingers.get(1).run();
    inFlight.get(1).complete(answers(List.of(2)));
    assertThat(second.result()).isEqualTo("row 2");
  }
}
