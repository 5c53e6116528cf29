package net.fsgateway.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import net.fsgateway.config.ConfigLoader;
import net.fsgateway.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench floor-http}: runs {@link FloorHttpServer} in its own process, one instance per core like the
 * gateway's HTTP verticle, until it is stopped. A separate process keeps the floor from sharing the driver's event
 * loop and JIT, so the floor and the gateway are measured the same way. With {@code --queries} the method paths run
 * their SQL against the database the gateway's own configuration names ({@code conf/gateway.json} and the
 * {@code GW_PG_*} environment), each instance on its own pipelined client, as the gateway's provisioning does.
 */
@Command(name = "floor-http", mixinStandardHelpOptions = true,
    description = "Serve a canned XML-RPC answer (the HTTP floor) on 127.0.0.1 until stopped.")
public final class FloorHttpCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "18081", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--instances", defaultValue = "0", description = "Server instances; 0 = one per core.")
  int instances;

  @Option(names = "--queries", description = "Run each method's SQL before answering /check_username, /agent_info"
      + ", /signup_info and /new_customer (database from the gateway's configuration: conf/gateway.json, GW_PG_*).")
  boolean queries;

  @Option(names = "--agentnum", defaultValue = "0", description = "With --queries: the reseller whose reads are run.")
  long agentnum;

  @Option(names = "--domain", defaultValue = "", description = "With --queries: the domain check_username asks about.")
  String domain;

  @Override
  public Integer call() throws InterruptedException {
    QuietLogs.apply();
    FloorDatabase database;
    try {
      database = queries ? database(ConfigLoader.load()) : null;
      if (database != null && database.pg().host().isBlank()) {
        throw new IllegalArgumentException("pg.host is empty: name the database with GW_PG_HOST"
            + " (the floor starts no embedded one)");
      }
    } catch (RuntimeException e) {
      System.err.println("floor-http: " + e.getMessage());
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    int n = instances > 0 ? instances : Runtime.getRuntime().availableProcessors();
    vertx.deployVerticle(() -> new FloorHttpServer(port, database), new DeploymentOptions().setInstances(n)).await();
    System.out.println("floor-http listening on 127.0.0.1:" + port + " (" + n + " instances"
        + (database == null ? "" : ", queries for agent " + agentnum + " in " + domain) + ")");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close().await();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }

  private FloorDatabase database(GatewayConfig config) {
    return new FloorDatabase(config.pg(), config.deadlines(), agentnum, domain);
  }
}
