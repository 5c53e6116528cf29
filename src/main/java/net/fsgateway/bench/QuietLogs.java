package net.fsgateway.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the root log level to WARN for the bench commands: without a logback.xml, logback logs Netty's DEBUG
 * start-up chatter, which buries the results. An explicit {@code -Dlogback.configurationFile} wins.
 */
final class QuietLogs {
  private QuietLogs() {
  }

  static void apply() {
    if (System.getProperty("logback.configurationFile") == null
        && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger) {
      ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
  }
}
