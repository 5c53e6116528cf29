package net.fsgateway.billing;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import net.fsgateway.billing.authorizenet.AuthorizeNetProcessor;
import net.fsgateway.billing.journal.PaymentSweeper;
import net.fsgateway.config.PaymentsConfig;
import net.fsgateway.infra.PgPools;
import net.fsgateway.support.TestBackends;
import net.fsgateway.support.TestGateway;

/** Runs the payment sweeper once, as a gateway would, against the simulator, on attempts of any age. */
final class Sweeps {
  private Sweeps() {
  }

  /** Sweeps until nothing is left; the number of attempts settled. */
  static int run(String endpoint) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = PgPools.create(vertx, TestBackends.pg(), TestGateway.productionDeadlines());
      PaymentsConfig config = PaymentsHarness.settings(endpoint).payments();
      PaymentSweeper sweeper = new PaymentSweeper(pool, new AuthorizeNetProcessor(vertx, config, 2000), "authorizenet",
          0);
      int total = 0;
      int settled;
      do {
        settled = sweeper.sweep().await(30, TimeUnit.SECONDS);
        total += settled;
      } while (settled > 0);
      return total;
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

}
