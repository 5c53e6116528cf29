package net.fsgateway.ops;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the process is in its life, read by the probes and the XML-RPC listener: backends migrated, verticles
 * started, draining after SIGTERM; and how many calls are in flight (so a shutdown cut short can say how many it
 * cut). Written from the main and shutdown threads, read from event loops: volatile fields, an atomic counter.
 */
public final class GatewayState {
  private volatile boolean migrated;
  private volatile boolean started;
  private volatile boolean draining;
  private final AtomicInteger inFlight = new AtomicInteger();

  public void migrated() {
    migrated = true;
  }

  public void started() {
    started = true;
  }

  /** From now on readiness fails and every answer closes its connection. */
  public void drain() {
    draining = true;
  }

  public boolean isDraining() {
    return draining;
  }

  /** Started, migrated and not draining: what {@code /health/ready} answers 200 for. */
  public boolean isReady() {
    return started && migrated && !draining;
  }

  public boolean isStarted() {
    return started;
  }

  public boolean isMigrated() {
    return migrated;
  }

  void callStarted() {
    inFlight.incrementAndGet();
  }

  void callEnded() {
    inFlight.decrementAndGet();
  }

  public int inFlight() {
    return inFlight.get();
  }
}
