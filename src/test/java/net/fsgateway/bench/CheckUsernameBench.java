package net.fsgateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.fsgateway.config.DeploymentConfig;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;

/**
 * Throwaway throughput probe: check_username over real HTTP (keep-alive, {@link #IN_FLIGHT} requests in flight)
 * against the gateway with the service verticles deployed as workers, then on event loops. Not a test; run with
 * {@code mvn -q -B -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=net.fsgateway.bench.CheckUsernameBench}.
 */
public final class CheckUsernameBench {
  static final int IN_FLIGHT = 64;
  static final long WARMUP_MS = 3_000;
  static final long MEASURE_MS = 10_000;

  private CheckUsernameBench() {
  }

  public static void main(String[] args) throws Exception {
    // Default order alternates so JIT warm-up and neighbours' load fall on both modes; args override it.
    String[] order = args.length > 0 ? args : new String[] {"true", "false", "true", "false"};
    for (String mode : order) {
      boolean worker = Boolean.parseBoolean(mode);
      System.out.printf("workerServices=%s: %.0f req/s%n", worker, run(worker));
    }
    System.exit(0);
  }

  static double run(boolean worker) throws Exception {
    try (TestGateway gateway = TestGateway.start(c -> withWorkers(c, worker))) {
      TestReseller reseller = TestReseller.create();
      String session = reseller.login(gateway);
      Buffer body = Buffer.buffer(requestXml(session, reseller.privateDomain()), "UTF-8");
      Vertx vertx = Vertx.vertx();
      try {
        HttpClient client = vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()),
            new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
        Load load = new Load(client, body);
        load.start();
        Thread.sleep(WARMUP_MS);
        long before = load.ok.get();
        long failuresBefore = load.failed.get();
        long t0 = System.nanoTime();
        Thread.sleep(MEASURE_MS);
        long done = load.ok.get() - before;
        double seconds = (System.nanoTime() - t0) / 1e9;
        load.stop = true;
        System.out.printf("  ok=%d failed=%d in %.1f s%n", done, load.failed.get() - failuresBefore, seconds);
        return done / seconds;
      } finally {
        vertx.close().await(10, TimeUnit.SECONDS);
      }
    }
  }

  static GatewayConfig withWorkers(GatewayConfig c, boolean worker) {
    return new GatewayConfig(c.http(), c.limits(), c.pg(), c.redis(), c.session(), c.throttle(), c.billing(),
        c.embedded(), new DeploymentConfig(worker, c.deployment().serviceInstances()));
  }

  static String requestXml(String session, String domain) {
    return "<?xml version=\"1.0\"?><methodCall><methodName>FS.SelfService.XMLRPC.check_username</methodName>"
        + "<params><param><value><struct>"
        + "<member><name>session_id</name><value><string>" + session + "</string></value></member>"
        + "<member><name>username</name><value><string>" + TestData.unique("b") + "</string></value></member>"
        + "<member><name>domain</name><value><string>" + domain + "</string></value></member>"
        + "</struct></value></param></params></methodCall>";
  }

  /** IN_FLIGHT independent request loops over one keep-alive pool. */
  static final class Load {
    final AtomicLong ok = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    volatile boolean stop;
    private final HttpClient client;
    private final Buffer body;
    private final RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI("/RPC2")
        .putHeader("Content-Type", "text/xml");

    Load(HttpClient client, Buffer body) {
      this.client = client;
      this.body = body;
    }

    void start() {
      for (int i = 0; i < IN_FLIGHT; i++) {
        next();
      }
    }

    private void next() {
      if (stop) {
        return;
      }
      client.request(options)
          .compose(req -> req.send(body))
          .compose(resp -> resp.body().map(b -> resp.statusCode() == 200 && isAnswer(b)))
          .recover(err -> Future.succeededFuture(false))
          .onSuccess(good -> {
            (good ? ok : failed).incrementAndGet();
            next();
          });
    }

    private static boolean isAnswer(Buffer b) {
      String text = b.toString(StandardCharsets.UTF_8);
      return text.contains("available") && !text.contains("faultCode");
    }
  }
}
