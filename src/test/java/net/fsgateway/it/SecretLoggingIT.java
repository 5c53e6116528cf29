package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** No log event, at any level, carries a session id or an agent password. */
@Timeout(60)
class SecretLoggingIT {

  @Test
  void sessionIdsAndPasswordsAreNeverLogged() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    // Every logger down to DEBUG (logback.xml keeps io.vertx and io.netty at WARN), so that a secret logged at
    // any level by the gateway, Vert.x, Netty or the clients is caught.
    Map<Logger, Level> levels = new HashMap<>();
    for (Logger logger : root.getLoggerContext().getLoggerList()) {
      levels.put(logger, logger.getLevel());
      logger.setLevel(Level.DEBUG);
    }
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    String sessionId;
    TestReseller reseller;
    try (TestGateway gateway = TestGateway.start()) {
      reseller = TestReseller.create();
      sessionId = reseller.login(gateway);
      gateway.call("agent_info", Map.of("session_id", sessionId));
      gateway.call("agent_list_customers", Map.of("session_id", sessionId, "search", "x"));
      gateway.call("agent_logout", Map.of("session_id", sessionId));
      assertThat(gateway.call("agent_info", Map.of("session_id", sessionId)).get("error"))
          .isEqualTo("Can't resume session");
      gateway.call("agent_login", Map.of("username", reseller.username(), "password", reseller.password() + "x"));
    } finally {
      root.detachAppender(appender);
      levels.forEach(Logger::setLevel);
    }
    List<ILoggingEvent> events = new ArrayList<>(appender.list);
    assertThat(events).as("the gateway logs something, so the check is not vacuous").isNotEmpty();
    for (ILoggingEvent event : events) {
      String text = everything(event);
      assertThat(text).as(event.getLoggerName()).doesNotContain(sessionId).doesNotContain(reseller.password());
    }
  }

  private static String everything(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getFormattedMessage());
    if (event.getArgumentArray() != null) {
      for (Object arg : event.getArgumentArray()) {
        text.append('\n').append(arg);
      }
    }
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      text.append('\n').append(t.getMessage());
    }
    return text.toString();
  }
}
