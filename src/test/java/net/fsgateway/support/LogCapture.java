package net.fsgateway.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event, at every level, while it is open: every logger is set to DEBUG (logback.xml keeps
 * io.vertx and io.netty at WARN), so a secret logged at any level by the gateway, Vert.x, Netty or a client is
 * caught. Closing restores the levels.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Map<Logger, Level> levels = new HashMap<>();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture() {
    for (Logger logger : root.getLoggerContext().getLoggerList()) {
      levels.put(logger, logger.getLevel());
      logger.setLevel(Level.DEBUG);
    }
    appender.start();
    root.addAppender(appender);
  }

  /** Each captured event as one text: message, arguments and the messages of its exception chain. */
  public List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (ILoggingEvent event : new ArrayList<>(appender.list)) {
      StringBuilder text = new StringBuilder(event.getLoggerName()).append(": ").append(event.getFormattedMessage());
      if (event.getArgumentArray() != null) {
        for (Object arg : event.getArgumentArray()) {
          text.append('\n').append(arg);
        }
      }
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        text.append('\n').append(t.getMessage());
      }
      texts.add(text.toString());
    }
    return texts;
  }

  /** The captured events themselves (level, logger, exception). */
  public List<ILoggingEvent> events() {
    return new ArrayList<>(appender.list);
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    levels.forEach(Logger::setLevel);
  }
}
