package net.fsgateway.resilience;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.Map;
import net.fsgateway.support.LogCapture;
import net.fsgateway.support.TestGateway;
import org.apache.xmlrpc.XmlRpcException;

/** One call's outcome in a fault test: its fault code (0 for an answer) and how long it took. */
record FaultCalls(int code, long millis, Map<String, Object> answer) {

  static FaultCalls call(TestGateway gateway, String method, Map<String, ?> params) {
    long start = System.nanoTime();
    try {
      Map<String, Object> answer = gateway.call(method, params);
      return new FaultCalls(0, elapsed(start), answer);
    } catch (XmlRpcException e) {
      return new FaultCalls(e.code, elapsed(start), Map.of("faultString", String.valueOf(e.getMessage())));
    }
  }

  /** The log events that break the rule "ERROR only for bugs, no stack trace for a backend condition". */
  static List<String> misloggedFailures(LogCapture capture) {
    return capture.events().stream()
        .filter(e -> e.getLevel() == Level.ERROR || (e.getLevel() == Level.WARN && e.getThrowableProxy() != null
            && e.getLoggerName().startsWith("net.fsgateway")))
        .map(FaultCalls::describe)
        .toList();
  }

  private static String describe(ILoggingEvent e) {
    return e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : " / " + e.getThrowableProxy().getClassName());
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
