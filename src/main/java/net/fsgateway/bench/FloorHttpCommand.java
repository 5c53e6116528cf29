package net.fsgateway.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench floor-http}: runs {@link FloorHttpServer} in its own process, one instance per core like the
 * gateway's HTTP verticle, until it is stopped. A separate process keeps the floor from sharing the driver's event
 * loop and JIT, so the floor and the gateway are measured the same way.
 */
@Command(name = "floor-http", mixinStandardHelpOptions = true,
    description = "Serve a canned XML-RPC answer (the HTTP floor) on 127.0.0.1 until stopped.")
public final class FloorHttpCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "18081", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--instances", defaultValue = "0", description = "Server instances; 0 = one per core.")
  int instances;

  @Override
  public Integer call() throws InterruptedException {
    QuietLogs.apply();
    Vertx vertx = Vertx.vertx();
    int n = instances > 0 ? instances : Runtime.getRuntime().availableProcessors();
    vertx.deployVerticle(() -> new FloorHttpServer(port), new DeploymentOptions().setInstances(n)).await();
    System.out.println("floor-http listening on 127.0.0.1:" + port + " (" + n + " instances)");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close().await();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }
}
