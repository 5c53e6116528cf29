package net.fsgateway.provisioning;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import net.fsgateway.dispatch.Fields;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.infra.Rows;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * {@code check_username}, {@code suspend_username}, {@code unsuspend_username} and {@code agent_info} for an
 * agent whose session is already resolved. Every query is scoped by the agent, so one reseller never sees or
 * changes another's customers.
 */
public final class ProvisioningService {
  public static final String UNKNOWN_DOMAIN = "Unknown domain";
  public static final String MISSING_USERNAME = "Must specify a username and domain.";
  public static final String ACCOUNT_NOT_FOUND = "Account not found";
  public static final String NOT_YOUR_ACCOUNT = "Not your account";

  private final SqlClient db;

  public ProvisioningService(SqlClient db) {
    this.db = db;
  }

  /** {username, domain} → {error, available: 1|0}. Unknown (or another agent's) domain is an error. */
  public Future<XmlRpcValue> checkUsername(long agentnum, XStruct params) {
    String username = Fields.trimmed(params, "username");
    String domain = Fields.trimmed(params, "domain");
    if (domain.isEmpty()) {
      return Future.succeededFuture(Replies.error(UNKNOWN_DOMAIN));
    }
    if (username.isEmpty()) {
      return Future.succeededFuture(Replies.error(MISSING_USERNAME));
    }
    return db.preparedQuery(ProvisioningQueries.CHECK_USERNAME).execute(Tuple.of(username, domain, agentnum))
        .map(rows -> {
          Row row = Rows.first(rows);
          return row == null ? Replies.error(UNKNOWN_DOMAIN)
              : Replies.ok().put("available", row.getBoolean("taken") ? 0 : 1).build();
        });
  }

  public Future<XmlRpcValue> suspend(long agentnum, XStruct params) {
    return changeState(ProvisioningQueries.SUSPEND, agentnum, params, true);
  }

  public Future<XmlRpcValue> unsuspend(long agentnum, XStruct params) {
    return changeState(ProvisioningQueries.UNSUSPEND, agentnum, params, false);
  }

  private Future<XmlRpcValue> changeState(String sql, long agentnum, XStruct params, boolean suspending) {
    String username = Fields.trimmed(params, "username");
    String domain = Fields.trimmed(params, "domain");
    if (username.isEmpty() || domain.isEmpty()) {
      return Future.succeededFuture(Replies.error(MISSING_USERNAME));
    }
    return db.preparedQuery(sql).execute(Tuple.of(username, domain, agentnum))
        .map(rows -> outcome(Rows.first(rows), agentnum, suspending));
  }

  /**
   * Freeside's cust_pkg suspend/unsuspend answers: '' when the package changed and also when it already was in the
   * asked-for state (so a retry is harmless), "Can't suspend cancelled package N" for a cancelled one.
   */
  private static XmlRpcValue outcome(Row row, long agentnum, boolean suspending) {
    if (row == null) {
      return Replies.error(ACCOUNT_NOT_FOUND);
    }
    if (row.getLong("agentnum") != agentnum) {
      return Replies.error(NOT_YOUR_ACCOUNT);
    }
    if (row.getLong("changed") == 0 && row.getBoolean("cancelled")) {
      return Replies.error((suspending ? "Can't suspend" : "Can't unsuspend") + " cancelled package "
          + row.getLong("pkgnum"));
    }
    return Replies.ok().build();
  }

  /** {} → {error, agentnum, agent, num_prospect, num_active, num_susp, num_cancel}. */
  public Future<XmlRpcValue> agentInfo(long agentnum) {
    return db.preparedQuery(ProvisioningQueries.AGENT_INFO).execute(Tuple.of(agentnum)).map(rows -> {
      Row row = Rows.first(rows);
      if (row == null) {
        return Replies.error("unknown agentnum " + agentnum);
      }
      return Replies.ok()
          .put("agentnum", Math.toIntExact(row.getLong("agentnum")))
          .put("agent", row.getString("agent"))
          .put("num_prospect", Math.toIntExact(row.getLong("num_prospect")))
          .put("num_active", Math.toIntExact(row.getLong("num_active")))
          .put("num_susp", Math.toIntExact(row.getLong("num_susp")))
          .put("num_cancel", Math.toIntExact(row.getLong("num_cancel")))
          .build();
    });
  }

}
