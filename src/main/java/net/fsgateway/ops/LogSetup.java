package net.fsgateway.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import net.fsgateway.config.LogConfig;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code log.*} settings to logback once the configuration is loaded: {@code log.format=json} swaps the
 * console appender's encoder for logback's own JSON encoder (one object per line, the access line's fields as
 * key-value pairs, which the access log adds only then), and {@code log.access=false} silences the access logger.
 */
public final class LogSetup {
  private LogSetup() {
  }

  public static void apply(LogConfig log) {
    AccessLog.keyValues(log.format() == LogConfig.Format.JSON);
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding: its own configuration decides
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    if (log.format() == LogConfig.Format.JSON) {
      json(context, root.iteratorForAppenders());
    }
    context.getLogger(AccessLog.LOGGER).setLevel(log.access() ? Level.INFO : Level.OFF);
  }

  /** Every stream appender (also behind an async appender) and the batched console appender get the JSON encoder. */
  private static void json(LoggerContext context, Iterator<Appender<ILoggingEvent>> appenders) {
    while (appenders.hasNext()) {
      Appender<ILoggingEvent> appender = appenders.next();
      if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
        json(context, stream);
      } else if (appender instanceof AsyncAppenderBase<ILoggingEvent> async) {
        json(context, async.iteratorForAppenders());
      } else if (appender instanceof BatchedConsoleAppender batched) {
        batched.setEncoder(jsonEncoder(context));
      }
    }
  }

  private static void json(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
    JsonEncoder encoder = jsonEncoder(context);
    appender.stop();
    appender.setEncoder(encoder);
    appender.start();
  }

  /** The encoder {@code log.format=json} uses: one JSON object per event and line. */
  static JsonEncoder jsonEncoder(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    // Context properties and the sequence number repeat on every line and say nothing about the event.
    encoder.setWithContext(false);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    // The message with its arguments filled in, not the pattern and the arguments apart.
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    return encoder;
  }

  /** Writes out what the async appender still holds: before a halt, which runs no shutdown hook. */
  public static void flush() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }
}
