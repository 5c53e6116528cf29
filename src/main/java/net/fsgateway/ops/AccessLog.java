package net.fsgateway.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per XML-RPC call on the logger {@value #LOGGER}, so operators can route it apart or switch it off
 * ({@code log.access}). Only what is safe to keep: the method (its canonical name, or {@code other}), the agent
 * number, the outcome label, the duration, the client address and the request id — never a param value, so no
 * password, session id, card number, CVV or account number can reach it. With {@code log.format=json} the same
 * fields are also key-value pairs of the JSON object.
 */
final class AccessLog {
  static final String LOGGER = "fsgateway.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private AccessLog() {
  }

  static void call(String method, long agent, String outcome, long nanos, String client, String requestId) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    String agentText = agent < 0 ? "-" : Long.toString(agent);
    double ms = Math.round(nanos / 10_000.0) / 100.0;
    LOG.atInfo()
        .addKeyValue("method", method)
        .addKeyValue("agent", agentText)
        .addKeyValue("outcome", outcome)
        .addKeyValue("duration_ms", ms)
        .addKeyValue("client", client)
        .addKeyValue("request_id", requestId)
        .log("{} agent={} outcome={} ms={} client={} request_id={}",
            method, agentText, outcome, ms, client, requestId);
  }
}
