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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * Runs the gateway until it is stopped (SIGTERM or Ctrl-C): configuration, backends (embedded ones when none
 * is configured), migrations, codecs, verticles — in that order, each step failing fast with a clear message.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the gateway (the default command).")
final class ServeCommand implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Override
  public void run() {
    long started = System.nanoTime();
    StartedBackends backends;
    try {
      backends = Backends.start(ConfigLoader.load());
    } catch (RuntimeException e) {
      // Configuration and backend failures carry an operator-facing message that names the setting; a stack
      // trace would add nothing but could echo a setting's value.
      LOG.error("gateway cannot start: {}", e.getMessage());
      System.exit(1);
      return;
    }
    GatewayConfig config = backends.config();
    DemoSeed.seedIfFresh(backends, System.out);
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)
        .setEventLoopPoolSize(config.deployment().effectiveEventLoops()));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(vertx, backends), "fsgw-shutdown"));
    Codecs.registerAll(vertx.eventBus());
    try {
      Gateway.deploy(vertx, config).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.error("gateway failed to start: {}", e.getMessage());
      System.exit(1);
    }
    LOG.info("ready: XML-RPC on {}://{}:{}/ (also /RPC2, /selfservice/xmlrpc.cgi), {} HTTP instances, started in {} ms",
        config.http().tls() ? "https" : "http", config.http().host(), config.http().port(),
        config.http().effectiveInstances(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  private static void shutdown(Vertx vertx, StartedBackends backends) {
    LOG.info("stopping");
    try {
      vertx.close().await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not stop cleanly: {}", e.getMessage());
    }
    backends.close();
  }
}
