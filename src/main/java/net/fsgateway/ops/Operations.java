package net.fsgateway.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.Optional;
import net.fsgateway.config.GatewayConfig;

/**
 * The operations side of one gateway process: its lifecycle state, its meter registry (when
 * {@code metrics.enabled}), the management listener and the backend probes. Attached to the process's Vert.x
 * instance, where the XML-RPC verticles find it ({@link #of}); a Vert.x instance without one (plain tests) runs
 * the gateway with an access log and no metrics.
 */
public final class Operations implements Shareable {
  private static final String MAP = "fsgw.operations";
  private static final String KEY = "operations";

  private final GatewayConfig config;
  private final GatewayState state = new GatewayState();
  private final PrometheusMeterRegistry registry;
  private final CallMetrics metrics;
  private Vertx vertx;
  private ManagementServer management;
  private BackendProbe probe;
  private volatile String listeners;

  private Operations(GatewayConfig config) {
    this.config = config;
    this.registry = config.metrics().enabled() ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null;
    this.metrics = registry == null ? null : new CallMetrics(registry);
    if (registry != null) {
      Gauge.builder("fsgw.calls.in.flight", state, GatewayState::inFlight)
          .description("XML-RPC calls being answered now (those refused by limits.maxInFlight never enter)")
          .register(registry);
    }
  }

  public static Operations create(GatewayConfig config) {
    return new Operations(config);
  }

  /** The operations attached to {@code vertx}, if any. */
  public static Optional<Operations> of(Vertx vertx) {
    LocalMap<String, Operations> map = vertx.sharedData().getLocalMap(MAP);
    return Optional.ofNullable(map.get(KEY));
  }

  /**
   * Builds the process's Vert.x instance, measured by Vert.x's Micrometer metrics when they are on (its HTTP
   * servers per connection, not per request: {@link ConnectionLevelHttpMeters}).
   */
  public Vertx createVertx(VertxOptions options) {
    VertxBuilder builder = Vertx.builder();
    if (registry != null) {
      // The local address tells the XML-RPC listener's HTTP series from the management listener's (a fixed pair).
      options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).addLabels(Label.LOCAL));
      builder.withMetrics(new ConnectionLevelHttpMeters(registry));
    }
    vertx = builder.with(options).build();
    vertx.sharedData().<String, Operations>getLocalMap(MAP).put(KEY, this);
    return vertx;
  }

  /** Starts the management listener; completes with its port. Readiness answers 503 until {@link #started}. */
  public Future<Integer> startManagement() {
    if (registry != null) {
      // Bound here, where they are served: JvmGcMetrics holds GC listeners for the life of the JVM, one set per
      // process that scrapes, not one per gateway a test starts.
      new JvmMemoryMetrics().bindTo(registry);
      new JvmGcMetrics().bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      new ClassLoaderMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
    }
    management = new ManagementServer(vertx, this, registry);
    return management.listen(config.management());
  }

  /** The backends answer and the schema is migrated: probe them from now on ({@code resolved}: real addresses). */
  public void backendsReady(GatewayConfig resolved) {
    state.migrated();
    probe = new BackendProbe(vertx, resolved);
    if (registry != null) {
      probe.bind(registry);
    }
    probe.start();
  }

  /**
   * The deployment of the XML-RPC verticles in {@code vertx}, so a shutdown can stop them first: Vert.x would
   * undeploy everything at once, and service verticles behind the event bus would leave calls still draining.
   */
  public static void listenersDeployed(Vertx vertx, String deploymentId) {
    of(vertx).ifPresent(operations -> operations.listeners = deploymentId);
  }

  /** The XML-RPC verticles' deployment id, or null before they are deployed. */
  String listeners() {
    return listeners;
  }

  /** Every verticle is deployed: readiness answers 200 from now on. */
  public void started() {
    state.started();
  }

  public GatewayState state() {
    return state;
  }

  /** The registry, when metrics are on. */
  public Optional<PrometheusMeterRegistry> registry() {
    return Optional.ofNullable(registry);
  }

  /** Stops probing; the management listener stays up until Vert.x closes (readiness answers 503 meanwhile). */
  public Future<Void> stopProbes() {
    return probe == null ? Future.succeededFuture() : probe.close();
  }

  CallObserver observer() {
    return new CallObserver(state, metrics);
  }

  JsonObject backendsJson() {
    return probe == null ? new JsonObject() : probe.toJson();
  }
}
