package net.fsgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The batched console appender against an output stream of the test's: order, whole lines, drops, the last flush,
 * a line that cannot be encoded.
 */
@Timeout(30)
class BatchedConsoleAppenderTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final List<BatchedConsoleAppender> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(BatchedConsoleAppender::stop);
  }

  @Test
  void linesArriveInOrderWithinTheDelayWithoutAWakeUp() throws Exception {
    Recording out = new Recording();
    BatchedConsoleAppender appender = start(out, 100, 5);
    for (int i = 0; i < 50; i++) {
      appender.doAppend(event("line " + i));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (out.text().lines().count() < 50 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    List<String> lines = out.text().lines().toList();
    assertThat(lines).hasSize(50);
    for (int i = 0; i < 50; i++) {
      assertThat(lines.get(i)).isEqualTo("INFO line " + i);
    }
    assertThat(out.writes).as("fewer writes than lines: lines are batched").isLessThan(50);
  }

  @Test
  void aFullQueueDropsAndCountsNewLinesInsteadOfBlocking() throws Exception {
    BlockingOut out = new BlockingOut();
    BatchedConsoleAppender appender = start(out, 4, 1);
    appender.doAppend(event("first"));
    assertThat(out.entered.await(5, TimeUnit.SECONDS)).as("the writer is writing the first line").isTrue();
    long before = BatchedConsoleAppender.DROPPED.sum();
    for (int i = 0; i < 6; i++) {
      appender.doAppend(event("queued " + i)); // the writer is stuck: 4 fit, 2 do not
    }
    assertThat(BatchedConsoleAppender.DROPPED.sum() - before).isEqualTo(2);
    out.release.countDown();
    appender.stop();
    assertThat(out.text().lines()).containsExactly("INFO first", "INFO queued 0", "INFO queued 1", "INFO queued 2",
        "INFO queued 3");
  }

  @Test
  void stoppingWritesOutWhatIsQueued() {
    Recording out = new Recording();
    BatchedConsoleAppender appender = start(out, 100, 60_000); // the writer would sleep for a minute
    appender.doAppend(event("a"));
    appender.doAppend(event("b"));
    appender.stop();
    assertThat(out.text()).isEqualTo("INFO a\nINFO b\n");
  }

  @Test
  void aLineThatCannotBeEncodedIsCountedAndTheWriterGoesOn() {
    Recording out = new Recording();
    PatternLayoutEncoder failing = new PatternLayoutEncoder() {
      @Override
      public byte[] encode(ILoggingEvent event) {
        if (event.getMessage().equals("bad")) {
          throw new IllegalStateException("an encoder bug");
        }
        return super.encode(event);
      }
    };
    BatchedConsoleAppender appender = start(out, 100, 60_000, failing);
    long before = BatchedConsoleAppender.DROPPED.sum();
    appender.doAppend(event("a"));
    appender.doAppend(event("bad"));
    appender.doAppend(event("b"));
    appender.stop();
    assertThat(out.text()).isEqualTo("INFO a\nINFO b\n");
    assertThat(BatchedConsoleAppender.DROPPED.sum() - before).isEqualTo(1);
  }

  private BatchedConsoleAppender start(OutputStream out, int queueSize, int maxDelayMillis) {
    return start(out, queueSize, maxDelayMillis, new PatternLayoutEncoder());
  }

  private BatchedConsoleAppender start(OutputStream out, int queueSize, int maxDelayMillis,
                                       PatternLayoutEncoder encoder) {
    encoder.setContext(context);
    encoder.setPattern("%level %msg%n");
    encoder.start();
    BatchedConsoleAppender appender = new BatchedConsoleAppender(out);
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setQueueSize(queueSize);
    appender.setMaxDelayMillis(maxDelayMillis);
    appender.start();
    assertThat(appender.isStarted()).isTrue();
    started.add(appender);
    return appender;
  }

  private LoggingEvent event(String message) {
    return new LoggingEvent(getClass().getName(), context.getLogger("test"), Level.INFO, message, null, null);
  }

  /** Records what is written and how many writes it took. */
  private static class Recording extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    volatile int writes;

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
      writes++;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
      writes++;
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Holds its first write until released, as a stdout nobody reads would. */
  private static final class BlockingOut extends Recording {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void write(byte[] b, int off, int len) {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      super.write(b, off, len);
    }
  }
}
