package net.fsgateway.billing.authorizenet;

/** What the simulator can be told to do instead of answering normally. */
public enum SimulatorFault {
  /** Answer normally, after the configured delay. */
  SLOW,
  /** Never answer (the request hangs until the client gives up). */
  TIMEOUT,
  /** HTTP 500 with an HTML body, as a failing load balancer would. */
  HTTP_500,
  /** Close the connection without answering. */
  DROP,
  /** HTTP 200 with a truncated JSON body. */
  MALFORMED
}
