package net.fsgateway.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes log lines to stdout from a thread of its own, in batches: the writer wakes every {@code maxDelayMillis},
 * encodes what is queued and writes it with one system call. A caller only queues its event, and never wakes the
 * writer: logback's {@code AsyncAppender} wakes its thread for every line (a futex call on the event loop and a
 * context switch per XML-RPC call with the access log on), and its {@code ConsoleAppender} goes through
 * {@code System.out}, which flushes (one {@code write}) per line. When {@code queueSize} lines are waiting, new ones
 * are dropped rather than block a caller, and counted ({@code fsgw_log_dropped_total}). Each
 * batch is written whole lines at a time, so other writers to stdout never split a line; stopping (logback's
 * shutdown hook, {@link LogSetup#flush}) writes out what is queued.
 */
public final class BatchedConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  /** Lines this process dropped because the queue was full or stdout failed: the metric {@code fsgw_log_dropped}. */
  static final LongAdder DROPPED = new LongAdder();
  /** Lines encoded per pass; a fuller queue is drained at once, without waiting for the next wake-up. */
  private static final int BATCH = 1024;

  private final OutputStream out;
  private volatile Encoder<ILoggingEvent> encoder;
  private int queueSize = 8192;
  private int maxDelayMillis = 50;
  private ArrayBlockingQueue<ILoggingEvent> queue;
  private Thread writer;
  private volatile boolean stopping;

  public BatchedConsoleAppender() {
    this(new FileOutputStream(FileDescriptor.out));
  }

  BatchedConsoleAppender(OutputStream out) {
    this.out = out;
  }

  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  public void setQueueSize(int queueSize) {
    this.queueSize = queueSize;
  }

  public void setMaxDelayMillis(int maxDelayMillis) {
    this.maxDelayMillis = maxDelayMillis;
  }

  @Override
  public void start() {
    if (encoder == null || queueSize < 1 || maxDelayMillis < 1) {
      addError("BatchedConsoleAppender needs an encoder, queueSize >= 1 and maxDelayMillis >= 1");
      return;
    }
    queue = new ArrayBlockingQueue<>(queueSize);
    stopping = false;
    writer = new Thread(this::writeLoop, "fsgw-log-writer");
    writer.setDaemon(true);
    writer.start();
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    // The writer reads the event later, on its own thread: fix the message, thread name and MDC now.
    event.prepareForDeferredProcessing();
    if (!queue.offer(event)) {
      DROPPED.increment();
    }
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    stopping = true;
    LockSupport.unpark(writer);
    try {
      writer.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeLoop() {
    List<ILoggingEvent> batch = new ArrayList<>(BATCH);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    long delayNanos = TimeUnit.MILLISECONDS.toNanos(maxDelayMillis);
    while (true) {
      boolean last = stopping; // read before draining, so a line queued before stop() is still written
      int n = queue.drainTo(batch, BATCH);
      if (n > 0) {
        write(batch, bytes);
        batch.clear();
      }
      if (n < BATCH) {
        if (last) {
          return;
        }
        LockSupport.parkNanos(this, delayNanos);
      }
    }
  }

  private void write(List<ILoggingEvent> batch, ByteArrayOutputStream bytes) {
    Encoder<ILoggingEvent> lines = encoder;
    bytes.reset();
    for (ILoggingEvent event : batch) {
      try {
        bytes.writeBytes(lines.encode(event));
      } catch (RuntimeException e) { // one bad event must not end the writer, and with it every later line
        DROPPED.increment();
        addError("cannot encode a log line", e);
      }
    }
    try {
      bytes.writeTo(out);
    } catch (IOException e) {
      DROPPED.add(batch.size());
      addError("cannot write to stdout", e);
    }
  }
}
