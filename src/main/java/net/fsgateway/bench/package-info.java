/**
 * The load driver ({@code bench}) and the HTTP floor server ({@code bench floor-http}): closed-loop and open-loop
 * load against a local gateway, latencies in HdrHistogram, a pass/fail verdict on every answer.
 */
package net.fsgateway.bench;
