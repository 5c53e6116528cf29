package net.fsgateway.resilience;

import net.fsgateway.xmlrpc.FaultCode;

/**
 * Why a call failed when the fault is not our bug: each cause answers a retryable server-error fault and is
 * logged (rate-limited) and counted under its {@link #key}. Unavailable causes (the backend refused, dropped or
 * is shutting down, or cannot serve yet) answer -32001; busy and timed-out ones answer -32003.
 */
public enum FailureCause {
  PG_REFUSED("pg.refused", FaultCode.BACKEND_UNAVAILABLE),
  /** A connection closed under a call: {@code pg_terminate_backend}, a restart, a network cut. */
  PG_CLOSED("pg.closed", FaultCode.BACKEND_UNAVAILABLE),
  /** SQLSTATE 57P01–57P03: admin shutdown, crash shutdown, cannot connect now (starting or stopping). */
  PG_SHUTDOWN("pg.shutdown", FaultCode.BACKEND_UNAVAILABLE),
  PG_POOL_CLOSED("pg.poolClosed", FaultCode.BACKEND_UNAVAILABLE),
  /** No answer within {@code deadlines.pgQueryMs}, or the server cancelled the statement (57014). */
  PG_TIMEOUT("pg.timeout", FaultCode.SERVER_BUSY),
  /** No pooled connection within {@code deadlines.pgPoolWaitMs}, a full wait queue, or too many connections. */
  PG_BUSY("pg.busy", FaultCode.SERVER_BUSY),
  REDIS_REFUSED("redis.refused", FaultCode.BACKEND_UNAVAILABLE),
  REDIS_CLOSED("redis.closed", FaultCode.BACKEND_UNAVAILABLE),
  /** {@code LOADING}: Redis is reading its data set after a restart. */
  REDIS_LOADING("redis.loading", FaultCode.BACKEND_UNAVAILABLE),
  /** {@code READONLY} (a replica after a failover) or {@code MASTERDOWN}. */
  REDIS_READONLY("redis.readonly", FaultCode.BACKEND_UNAVAILABLE),
  /** No answer within {@code deadlines.redisCommandMs}. */
  REDIS_TIMEOUT("redis.timeout", FaultCode.SERVER_BUSY),
  REDIS_BUSY("redis.busy", FaultCode.SERVER_BUSY),
  /** A call that ran past its method's timeout ({@code limits.callTimeoutMs}). */
  CALL_TIMEOUT("call.timeout", FaultCode.SERVER_BUSY),
  /** Refused before its body was read: {@code limits.maxInFlight} calls already in flight on this gateway. */
  SHED("shed", FaultCode.SERVER_BUSY),
  /** Refused: the reseller already has its concurrent calls running and its queue full on this gateway. */
  AGENT_LIMIT("agent.limit", FaultCode.SERVER_BUSY);

  private final String key;
  private final FaultCode code;

  FailureCause(String key, FaultCode code) {
    this.key = key;
    this.code = code;
  }

  /** The name in log lines and the metric tag ({@code cause=pg.closed}). */
  public String key() {
    return key;
  }

  public FaultCode code() {
    return code;
  }

  /** The fault text a client sees: no exception text, nothing about the deployment. */
  public String clientMessage() {
    if (this == AGENT_LIMIT) {
      return "too many concurrent calls for this reseller, try again later";
    }
    return code == FaultCode.BACKEND_UNAVAILABLE ? "service temporarily unavailable, try again later"
        : "server busy, try again later";
  }
}
