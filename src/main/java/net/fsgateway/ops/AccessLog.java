package net.fsgateway.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per XML-RPC call on the logger {@value #LOGGER}, so operators can route it apart or switch it off
 * ({@code log.access}). Only what is safe to keep: the method (its canonical name, or {@code other}), the agent
 * number, the outcome label, the duration, the client address and the request id — never a param value, so no
 * password, session id, card number, CVV or account number can reach it. The line is built once, with no
 * placeholders for the logging backend to fill in; with {@code log.format=json} ({@link #keyValues}) the same
 * fields are also key-value pairs of the JSON object.
 */
final class AccessLog {
  static final String LOGGER = "fsgateway.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static volatile boolean keyValues;

  private AccessLog() {
  }

  /** Whether each line also carries its fields as key-value pairs (only the JSON encoder writes them). */
  static void keyValues(boolean on) {
    keyValues = on;
  }

  static void call(String method, long agent, String outcome, long nanos, String client, String requestId) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    String agentText = agent < 0 ? "-" : Long.toString(agent);
    String ms = millis(nanos);
    String line = new StringBuilder(64 + client.length() + requestId.length()).append(method)
        .append(" agent=").append(agentText).append(" outcome=").append(outcome).append(" ms=").append(ms)
        .append(" client=").append(client).append(" request_id=").append(requestId).toString();
    if (!keyValues) {
      LOG.info(line);
      return;
    }
    LOG.atInfo()
        .addKeyValue("method", method)
        .addKeyValue("agent", agentText)
        .addKeyValue("outcome", outcome)
        .addKeyValue("duration_ms", ms)
        .addKeyValue("client", client)
        .addKeyValue("request_id", requestId)
        .log(line);
  }

  /** Milliseconds rounded to two decimals ({@code 1.51}, {@code 12.00}), without going through a double. */
  static String millis(long nanos) {
    long hundredths = (nanos + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
  }
}
