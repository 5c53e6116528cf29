package net.fsgateway.bench;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Field;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The SQL a method cannot avoid, run the way the gateway runs it: check_username's availability query, agent_info's
 * read, signup_info's two reads (both in flight at once, as {@code SignupInfo} sends them), on the gateway's own
 * pipelined client. The floor server runs one of these per request before its canned answer, so "HTTP + this
 * method's query" is measured beside the gateway with nothing parsed, no session looked up and no XML written.
 *
 * <p>The statements are the gateway's own constants, read from {@code ProvisioningQueries} by name: they are
 * package-private to the provisioning package (which this tooling does not change), and a copy of their text would
 * drift. A renamed constant fails the floor's start (and {@code FloorQueriesTest}) instead of measuring stale SQL.
 */
public final class FloorQueries {
  /** The methods with a query floor, as the floor server's request paths name them. */
  public static final List<String> METHODS = List.of("check_username", "agent_info", "signup_info");

  private static final String QUERIES_CLASS = "net.fsgateway.provisioning.ProvisioningQueries";

  private final SqlClient db;
  private final long agentnum;
  private final String domain;
  private final SplittableRandom random = new SplittableRandom();
  private final String checkUsername = sql("CHECK_USERNAME");
  private final String agentInfo = sql("AGENT_INFO");
  private final String agentPackages = sql("AGENT_PACKAGES");
  private final String agentDomains = sql("AGENT_DOMAINS");

  /** Queries for reseller {@code agentnum}; check_username asks about random names in {@code domain}. */
  public FloorQueries(SqlClient db, long agentnum, String domain) {
    this.db = db;
    this.agentnum = agentnum;
    this.domain = domain;
  }

  /** The text of one of the gateway's provisioning statements. */
  public static String sql(String constant) {
    try {
      Field field = Class.forName(QUERIES_CLASS).getDeclaredField(constant);
      field.setAccessible(true);
      return (String) field.get(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("the floor cannot find " + QUERIES_CLASS + "." + constant
          + " (renamed? update FloorQueries): " + e, e);
    }
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
        return db.preparedQuery(checkUsername).execute(Tuple.of(username, domain, agentnum)).map(FloorQueries::found);
      }
      case "agent_info":
        return db.preparedQuery(agentInfo).execute(Tuple.of(agentnum)).map(FloorQueries::found);
      case "signup_info": {
        Tuple agent = Tuple.of(agentnum);
        Future<RowSet<Row>> packages = db.preparedQuery(agentPackages).execute(agent);
        Future<RowSet<Row>> domains = db.preparedQuery(agentDomains).execute(agent);
        return Future.all(packages, domains).map(done -> found(packages.result()) && found(domains.result()));
      }
      default:
        return Future.succeededFuture(false);
    }
  }

  private static boolean found(RowSet<Row> rows) {
    return rows.size() > 0;
  }
}
