package net.fsgateway.ops;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.fsgateway.config.ShutdownConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * What SIGTERM (and Ctrl-C) does: readiness turns 503 at once and every answer closes its connection; the gateway
 * keeps serving for {@code shutdown.drainDelaySeconds} while the Service drops the pod; then the XML-RPC listener
 * stops accepting, the calls in flight finish, the services close their pools, Vert.x and the embedded backends
 * stop, and the process exits 0. If {@code shutdown.graceSeconds} after the signal it has not, it logs how many
 * calls it cut and exits 1.
 *
 * <p>A signal handler rather than only a shutdown hook: hooks run all at once (the embedded PostgreSQL's own hook
 * would stop it under the calls still draining) and the JVM's exit status after SIGTERM would be 143, not 0. The
 * shutdown hook stays for exits that are not a signal (System.exit), and only closes what is open. The embedded
 * backends run in sessions of their own (PostgreSQL through {@code pg_ctl}, Redis daemonized), so a signal to the
 * whole process group (Ctrl-C, systemd) reaches only the gateway, which stops them last.
 */
public final class GracefulShutdown {
  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

  private final Vertx vertx;
  private final Operations operations;
  private final ShutdownConfig config;
  private final AtomicBoolean begun = new AtomicBoolean();
  private volatile Runnable closeBackends = () -> { };

  public GracefulShutdown(Vertx vertx, Operations operations, ShutdownConfig config) {
    this.vertx = vertx;
    this.operations = operations;
    this.config = config;
  }

  /** Handles SIGTERM and SIGINT from now on. */
  public void install() {
    Signal.handle(new Signal("TERM"), signal -> begin("SIGTERM"));
    Signal.handle(new Signal("INT"), signal -> begin("SIGINT"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(false), "fsgw-shutdown-hook"));
  }

  /** What closes the backends this process started (embedded ones), once they are up. */
  public void closeBackendsWith(Runnable close) {
    this.closeBackends = close;
  }

  private void begin(String signal) {
    Thread drain = new Thread(() -> {
      LOG.info("{}: draining", signal);
      System.exit(stop(true));
    }, "fsgw-shutdown");
    // The signal handler's thread is a daemon and so would this one be: once Vert.x's threads have ended, the JVM
    // would exit (status 0) under it, before the embedded backends are stopped and "stopped in" is logged.
    drain.setDaemon(false);
    drain.start();
  }

  /** Returns the exit status; {@code drain} false closes at once (the JVM is already exiting). */
  int stop(boolean drain) {
    if (!begun.compareAndSet(false, true)) {
      return 0;
    }
    long started = System.nanoTime();
    GatewayState state = operations.state();
    state.drain();
    if (drain) {
      watchdog(started);
      if (state.isStarted()) {
        LOG.info("readiness 503; serving {} s more (shutdown.drainDelaySeconds), every answer closing its connection",
            config.drainDelaySeconds());
        sleep(TimeUnit.SECONDS.toMillis(config.drainDelaySeconds()));
      }
      LOG.info("stopping: the XML-RPC listener stops accepting; {} call(s) in flight finish", state.inFlight());
    }
    try {
      // Waits bounded by the grace period each; the deadline that counts is the watchdog's, which says what it cuts.
      long bound = config.graceSeconds();
      operations.stopProbes();
      // The XML-RPC verticles first: each one's stop() shuts its listener down with the calls in flight, then its
      // co-located services; only then the rest (service verticles behind the bus, the management listener).
      String listeners = operations.listeners();
      if (listeners != null) {
        vertx.undeploy(listeners).await(bound, TimeUnit.SECONDS);
      }
      vertx.close().await(bound, TimeUnit.SECONDS);
      closeBackends.run();
    } catch (Exception e) {
      LOG.warn("stopping did not complete cleanly: {}", e.toString());
      return 1;
    }
    LOG.info("stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return 0;
  }

  /** At the deadline, whatever is still running: say how many calls are cut, then halt. */
  private void watchdog(long started) {
    Thread watchdog = new Thread(() -> {
      sleep(TimeUnit.SECONDS.toMillis(config.graceSeconds()) - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      LOG.warn("shutdown.graceSeconds={} ran out: cutting {} call(s) still in flight", config.graceSeconds(),
          operations.state().inFlight());
      LogSetup.flush();
      Runtime.getRuntime().halt(1);
    }, "fsgw-shutdown-deadline");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static void sleep(long ms) {
    if (ms <= 0) {
      return;
    }
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
