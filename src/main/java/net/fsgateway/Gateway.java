package net.fsgateway;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.fsgateway.billing.BillingMethods;
import net.fsgateway.config.DeploymentConfig.Services;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.dispatch.MethodService;
import net.fsgateway.dispatch.ServiceVerticle;
import net.fsgateway.http.HttpVerticle;
import net.fsgateway.infra.PgBudget;
import net.fsgateway.ops.Operations;
import net.fsgateway.provisioning.ProvisioningMethods;
import net.fsgateway.session.SessionMethods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the gateway into a Vert.x instance whose codecs are registered and whose backends are up: the HTTP
 * verticle, one instance per core, each with its own set of services on its own event loop (co-located, the
 * default); or, with {@code deployment.services} {@code bus}/{@code worker}, the service verticles first (so every
 * method has its consumer), then the HTTP verticles.
 */
public final class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  /** The services that own the methods, each built from the configuration. */
  static final List<Function<GatewayConfig, MethodService>> SERVICES =
      List.of(SessionMethods::new, ProvisioningMethods::new, BillingMethods::new);

  private Gateway() {
  }

  /** Completes when every verticle is deployed and the HTTP port is listening. */
  public static Future<Void> deploy(Vertx vertx, GatewayConfig given) {
    PgBudget budget = PgBudget.of(given);
    LOG.info("PostgreSQL budget: {}{}", budget, given.pg().maxConnections() == 0 ? " (pg.maxConnections not set)" : "");
    GatewayConfig config = budget.applyTo(given);
    DeploymentOptions http = new DeploymentOptions().setInstances(config.http().effectiveInstances());
    if (config.deployment().services() == Services.COLOCATED) {
      return vertx.deployVerticle(() -> new HttpVerticle(config, services(config)), http)
          .onSuccess(id -> Operations.listenersDeployed(vertx, id)).mapEmpty();
    }
    List<Future<String>> deployed = new ArrayList<>();
    for (Function<GatewayConfig, MethodService> service : SERVICES) {
      deployed.add(vertx.deployVerticle(() -> new ServiceVerticle(service.apply(config)), serviceOptions(config)));
    }
    return Future.all(deployed)
        .compose(ignored -> vertx.deployVerticle(() -> new HttpVerticle(config, List.of()), http))
        .onSuccess(id -> Operations.listenersDeployed(vertx, id))
        .mapEmpty();
  }

  private static List<MethodService> services(GatewayConfig config) {
    return SERVICES.stream().map(service -> service.apply(config)).toList();
  }

  private static DeploymentOptions serviceOptions(GatewayConfig config) {
    DeploymentOptions options = new DeploymentOptions().setInstances(config.deployment().serviceInstances());
    return config.deployment().services() == Services.WORKER ? options.setThreadingModel(ThreadingModel.WORKER) : options;
  }
}
