package net.fsgateway;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.fsgateway.billing.BillingVerticle;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.http.HttpVerticle;
import net.fsgateway.provisioning.ProvisioningVerticle;
import net.fsgateway.session.SessionVerticle;

/**
 * Deploys the gateway into a Vert.x instance whose codecs are registered and whose backends are up: the service
 * verticles first (so every method has its consumer), then the HTTP verticle, one instance per core.
 */
public final class Gateway {
  /** The verticles that own the methods, each built from the configuration. */
  static final List<Function<GatewayConfig, VerticleBase>> SERVICES =
      List.of(SessionVerticle::new, ProvisioningVerticle::new, BillingVerticle::new);

  private Gateway() {
  }

  /** Completes when every verticle is deployed and the HTTP port is listening. */
  public static Future<Void> deploy(Vertx vertx, GatewayConfig config) {
    List<Future<String>> services = new ArrayList<>();
    for (Function<GatewayConfig, VerticleBase> service : SERVICES) {
      services.add(vertx.deployVerticle(() -> service.apply(config), serviceOptions(config)));
    }
    DeploymentOptions http = new DeploymentOptions().setInstances(config.http().effectiveInstances());
    return Future.all(services)
        .compose(ignored -> vertx.deployVerticle(() -> new HttpVerticle(config), http))
        .mapEmpty();
  }

  private static DeploymentOptions serviceOptions(GatewayConfig config) {
    DeploymentOptions options = new DeploymentOptions().setInstances(config.deployment().serviceInstances());
    return config.deployment().workerServices() ? options.setThreadingModel(ThreadingModel.WORKER) : options;
  }
}
