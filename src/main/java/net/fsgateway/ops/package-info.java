/**
 * Running the gateway in production: the management listener ({@code /health/live}, {@code /health/ready},
 * {@code /health}, {@code /metrics}), backend probes, Micrometer metrics with bounded labels, the access log with
 * request ids, graceful shutdown on SIGTERM and the start-up wait for backends.
 */
package net.fsgateway.ops;
