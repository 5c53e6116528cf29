package net.fsgateway.bench;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.SplittableRandom;
import net.fsgateway.provisioning.ProvisioningQueries;

/**
 * The SQL a method cannot avoid, run the way the gateway runs it: check_username's availability query, agent_info's
 * read, signup_info's four reads (all in flight at once, as {@code SignupInfo} sends them), on the gateway's own
 * pipelined client. The floor server runs one of these per request before its canned answer, so "HTTP + this
 * method's query" is measured beside the gateway with nothing parsed, no session looked up and no XML written.
 *
 * <p>The statements are the gateway's own constants ({@link ProvisioningQueries}), not copies that could drift.
 */
public final class FloorQueries {
  /** The methods with a query floor, as the floor server's request paths name them. */
  public static final List<String> METHODS = List.of("check_username", "agent_info", "signup_info");

  private final SqlClient db;
  private final long agentnum;
  private final String domain;
  private final SplittableRandom random = new SplittableRandom();

  /** Queries for reseller {@code agentnum}; check_username asks about random names in {@code domain}. */
  public FloorQueries(SqlClient db, long agentnum, String domain) {
    this.db = db;
    this.agentnum = agentnum;
    this.domain = domain;
  }

  /**
   * Runs {@code method}'s SQL. Succeeds with true when the rows are what a successful gateway answer needs (the
   * domain or agent was found, signup_info has packages and domains), so a mis-seeded floor cannot pass for a
   * fast one; false for a method without a query floor.
   */
  public Future<Boolean> run(String method) {
    switch (method) {
      case "check_username": {
        String username = "fl" + Long.toString(random.nextLong(Long.MAX_VALUE), 36);
        return db.preparedQuery(ProvisioningQueries.CHECK_USERNAME).execute(Tuple.of(username, domain, agentnum)).map(FloorQueries::found);
      }
      case "agent_info":
        return db.preparedQuery(ProvisioningQueries.AGENT_INFO).execute(Tuple.of(agentnum)).map(FloorQueries::found);
      case "signup_info": {
        Tuple agent = Tuple.of(agentnum);
        Future<RowSet<Row>> packages = db.preparedQuery(ProvisioningQueries.AGENT_PACKAGES)
            .execute(Tuple.of(agentnum, "", ""));
        Future<RowSet<Row>> referrals = db.preparedQuery(ProvisioningQueries.AGENT_REFERRALS).execute(agent);
        Future<RowSet<Row>> locations = db.preparedQuery(ProvisioningQueries.LOCATIONS).execute(Tuple.tuple());
        Future<RowSet<Row>> domains = db.preparedQuery(ProvisioningQueries.AGENT_DOMAINS).execute(agent);
        return Future.all(packages, referrals, locations, domains).map(done -> found(packages.result())
            && found(referrals.result()) && found(domains.result()));
      }
      default:
        return Future.succeededFuture(false);
    }
  }

  private static boolean found(RowSet<Row> rows) {
    return rows.size() > 0;
  }
}
