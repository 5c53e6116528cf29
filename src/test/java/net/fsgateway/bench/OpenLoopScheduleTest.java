package net.fsgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {
  private static final long START = 1_000_000_000L;

  @Test
  void requestsAreDueOnAFixedTimetable() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(START, 1000);
    assertThat(schedule.dueAt(0)).isEqualTo(START);
    assertThat(schedule.dueAt(1)).isEqualTo(START + 1_000_000);
    assertThat(schedule.dueAt(1500)).isEqualTo(START + 1_500_000_000L);
  }

  @Test
  void latencyRunsFromTheDueTimeNotFromWhenTheDriverSent() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(START, 100);
    // Request 10 is due at +100 ms. Say the server stalled and the driver only got to send it at +400 ms,
    // answered at +401 ms: the client waited 301 ms, not 1 ms.
    long completed = START + 401_000_000L;
    assertThat(schedule.latencyNanos(10, completed)).isEqualTo(301_000_000L);
  }

  @Test
  void dueByCountsEveryRequestWhoseTimeHasCome() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(START, 3);
    assertThat(schedule.dueBy(START - 1)).isZero();
    assertThat(schedule.dueBy(START)).isEqualTo(1);
    assertThat(schedule.dueBy(START + 333_333_332L)).isEqualTo(1);
    assertThat(schedule.dueBy(START + 333_333_333L)).isEqualTo(2);
    assertThat(schedule.dueBy(START + 1_000_000_000L)).isEqualTo(4);
    for (long i = 0; i < 1000; i++) {
      assertThat(schedule.dueBy(schedule.dueAt(i))).isEqualTo(i + 1);
      assertThat(schedule.dueBy(schedule.dueAt(i) - 1)).isEqualTo(i);
    }
  }

  @Test
  void backlogAfterAStallIsAllDueAtOnce() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(START, 1000);
    // A 2 s pause of the driver's loop: when it wakes, 2001 requests are due, none of them skipped.
    assertThat(schedule.dueBy(START + 2_000_000_000L)).isEqualTo(2001);
  }

  @Test
  void rateMustBePositive() {
    assertThatThrownBy(() -> new OpenLoopSchedule(START, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
