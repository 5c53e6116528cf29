package net.fsgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.fsgateway.support.LogCapture;
import org.junit.jupiter.api.Test;

/** An outage writes one line per cause per interval, with the count of the failures it stands for. */
class FailureLogTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final FailureLog log = new FailureLog(now::get, TimeUnit.SECONDS.toNanos(10));

  @Test
  void tenThousandFailuresOfOneCauseWriteOneLineAnIntervalWithTheirCount() {
    try (LogCapture capture = new LogCapture()) {
      int lines = 0;
      for (int second = 0; second < 30; second++) {
        for (int i = 0; i < 1_000; i++) {
          lines += log.record(FailureCause.PG_CLOSED, "check_username", "closed") ? 1 : 0;
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
      }
      assertThat(lines).isEqualTo(3);
      List<ILoggingEvent> logged = capture.events().stream()
          .filter(e -> e.getLoggerName().equals(FailureLog.class.getName())).toList();
      assertThat(logged).hasSize(3).allMatch(e -> e.getLevel() == Level.WARN && e.getThrowableProxy() == null
          && e.getFormattedMessage().startsWith("pg.closed"));
      assertThat(logged.get(1).getFormattedMessage()).contains("10000 calls failed in the last 10 s");
      assertThat(log.total(FailureCause.PG_CLOSED)).isEqualTo(30_000);
    }
  }

  @Test
  void eachCauseHasItsOwnInterval() {
    assertThat(log.record(FailureCause.PG_CLOSED, "m", "x")).isTrue();
    assertThat(log.record(FailureCause.REDIS_TIMEOUT, "m", "x")).isTrue();
    assertThat(log.record(FailureCause.PG_CLOSED, "m", "x")).isFalse();
  }
}
