package net.fsgateway.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: loads a local gateway with one scenario and prints req/s, p50/p90/p99/max and errors per method.
 * Exits 1 when any answer was unexpected (a fault, a transport error, an error string the scenario did not
 * provoke) or nothing was measured, 2 when the set-up (login, signup_info) or the options fail.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    subcommands = {FloorHttpCommand.class, ProfileSummaryCommand.class, SizingCommand.class,
        SignupReplayCommand.class},
    description = "Load-test a gateway on this machine (127.0.0.1/localhost only).")
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080/RPC2", description = "Default ${DEFAULT-VALUE}.")
  String url;
  @Option(names = "--scenario", defaultValue = "check_username",
      description = "check_username | new_customer | mixed | agent_login | agent_info | signup_info | canned"
          + " (default ${DEFAULT-VALUE}).")
  String scenario;
  @Option(names = "--concurrency", defaultValue = "16", description = "Workers (closed loop) or connections (open loop).")
  int concurrency;
  @Option(names = "--rate", defaultValue = "0", description = "Requests/s on a fixed timetable (open loop); 0 = closed loop.")
  double rate;
  @Option(names = "--duration", defaultValue = "10s", description = "Measured time, e.g. 10s, 500ms, 2m; 0 = until --requests.")
  String duration;
  @Option(names = "--warmup", defaultValue = "3s", description = "Unmeasured load before the clock starts.")
  String warmup;
  @Option(names = "--requests", defaultValue = "0", description = "Stop after this many measured requests; 0 = no bound.")
  long requests;
  @Option(names = "--timeout", defaultValue = "10s", description = "Per-request timeout.")
  String timeout;
  @Option(names = "--username", defaultValue = "bench", description = "agent_login username.")
  String username;
  @Option(names = "--password", description = "agent_login password (prefer --password-env).")
  String password;
  @Option(names = "--password-env", defaultValue = "BENCH_AGENT_PASSWORD", description = "Env var with the password.")
  String passwordEnv;
  @Option(names = "--domain", description = "Account domain; default: the first of signup_info's svc_domain.")
  String domain;
  @Option(names = "--pkgpart", description = "Package to sell; default: the first of signup_info's part_pkg.")
  Long pkgpart;
  @Option(names = "--hold-connections", defaultValue = "0",
      description = "Instead of a scenario: open N keep-alive connections and hold them for --duration.")
  int holdConnections;

  @Override
  public Integer call() {
    QuietLogs.apply();
    BenchSettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      return 2;
    }
    // One event loop: scenario state and histograms are touched by one thread only (like wrk -t1).
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try {
      return holdConnections > 0 ? hold(vertx, settings) : load(vertx, settings);
    } finally {
      vertx.close().await();
    }
  }

  private int load(Vertx vertx, BenchSettings settings) {
    Scenario plan = Scenarios.create(settings);
    RpcClient client = new RpcClient(vertx, settings.target(), settings.concurrency(), settings.requestTimeout());
    try {
      onContext(vertx, () -> plan.setUp(client)).await();
    } catch (RuntimeException e) {
      System.err.println("bench: set-up failed: " + e.getMessage());
      return 2;
    }
    RunStats stats = onContext(vertx, () -> new LoadDriver(vertx, client, plan, settings).run()).await();
    try {
      onContext(vertx, () -> plan.tearDown(client)).await();
    } catch (RuntimeException e) {
      System.err.println("bench: tear-down failed (ignored): " + e.getMessage());
    }
    System.out.println(Report.format(settings.labels(), stats));
    System.out.println(Report.summary(settings.labels(), stats));
    if (!stats.passed()) {
      System.err.println("bench: FAILED: " + (stats.total().requests() == 0 ? "nothing was measured"
          : stats.total().unexpected() + " unexpected answers"));
      return 1;
    }
    return 0;
  }

  private int hold(Vertx vertx, BenchSettings settings) {
    ConnectionHolder holder = onContext(vertx, () -> Future.succeededFuture(new ConnectionHolder(vertx, settings.target())))
        .await();
    int open = onContext(vertx, () -> holder.open(holdConnections)).await();
    System.out.println("HELD " + open + " connections to " + settings.target() + " for " + settings.duration());
    onContext(vertx, () -> holder.holdThenClose(settings.duration())).await();
    return open == holdConnections ? 0 : 1;
  }

  private BenchSettings settings() {
    String secret = password != null ? password : System.getenv(passwordEnv);
    if (secret == null && !"canned".equals(scenario) && holdConnections == 0) {
      throw new IllegalArgumentException("no agent password: give --password or set " + passwordEnv);
    }
    if (!Scenarios.NAMES.contains(scenario)) {
      throw new IllegalArgumentException("--scenario must be one of " + Scenarios.NAMES);
    }
    return new BenchSettings(LocalTarget.parse(url), scenario, concurrency, rate, Durations.parse(duration),
        Durations.parse(warmup), requests, username, secret == null ? "" : secret, domain, pkgpart,
        Durations.parse(timeout));
  }

  /** Runs {@code work} on the single event loop and gives its result to the calling (main) thread. */
  static <T> Future<T> onContext(Vertx vertx, Supplier<Future<T>> work) {
    Context context = vertx.getOrCreateContext();
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(promise));
    return promise.future();
  }
}
