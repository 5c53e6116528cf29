package net.fsgateway;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import net.fsgateway.admin.DemoSeed;
import net.fsgateway.bus.Codecs;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.infra.Backends;
import net.fsgateway.infra.StartedBackends;
import net.fsgateway.ops.BackendWait;
import net.fsgateway.ops.GracefulShutdown;
import net.fsgateway.ops.LogSetup;
import net.fsgateway.ops.Operations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * Runs the gateway until it is stopped (SIGTERM or Ctrl-C, drained: {@link GracefulShutdown}): configuration, the
 * management listener (readiness 503 until ready), backends (embedded ones when none is configured; external ones
 * waited for up to {@code startup.backendWaitSeconds}), migrations, codecs, verticles — in that order, each step
 * failing with a clear message.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the gateway (the default command).")
final class ServeCommand implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Override
  public void run() {
    long started = System.nanoTime();
    GatewayConfig configured;
    try {
      configured = ConfigLoader.load();
    } catch (RuntimeException e) {
      fail("gateway cannot start: {}", e);
      return;
    }
    LogSetup.apply(configured.log());
    Operations operations = Operations.create(configured);
    Vertx vertx = operations.createVertx(new VertxOptions().setPreferNativeTransport(true)
        .setEventLoopPoolSize(configured.deployment().effectiveEventLoops()));
    GracefulShutdown shutdown = new GracefulShutdown(vertx, operations, configured.shutdown());
    shutdown.install();
    try {
      int port = operations.startManagement().await(10, TimeUnit.SECONDS);
      LOG.info("management: health and metrics on http://{}:{}/ (/health/live, /health/ready, /health, /metrics)",
          configured.management().host(), port);
    } catch (Exception e) {
      fail("gateway cannot start: the management port " + configured.management().port()
          + " (management.port) cannot be opened: {}", e);
      return;
    }
    StartedBackends backends;
    try {
      backends = BackendWait.until(waitSeconds(configured), () -> Backends.start(configured));
    } catch (RuntimeException e) {
      // Configuration and backend failures carry an operator-facing message that names the setting; a stack
      // trace would add nothing but could echo a setting's value.
      fail("gateway cannot start: {}", e);
      return;
    }
    shutdown.closeBackendsWith(backends::close);
    GatewayConfig config = backends.config();
    operations.backendsReady(config);
    DemoSeed.seedIfFresh(backends, System.out);
    Codecs.registerAll(vertx.eventBus());
    try {
      Gateway.deploy(vertx, config).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      fail("gateway failed to start: {}", e);
      return;
    }
    operations.started();
    LOG.info("ready: XML-RPC on {}://{}:{}/ (also /RPC2, /selfservice/xmlrpc.cgi), {} HTTP instances, started in {} ms",
        config.http().tls() ? "https" : "http", config.http().host(), config.http().port(),
        config.http().effectiveInstances(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** Only an external backend is worth waiting for: an embedded one that cannot start will not start later. */
  private static int waitSeconds(GatewayConfig config) {
    return config.pg().embedded() && config.redis().embedded() ? 0 : config.startup().backendWaitSeconds();
  }

  private static void fail(String message, Exception e) {
    LOG.error(message, e.getMessage());
    System.exit(1);
  }
}
