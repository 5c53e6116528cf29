package net.fsgateway.provisioning;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.function.BiFunction;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.dispatch.MethodHandler;
import net.fsgateway.dispatch.MethodService;
import net.fsgateway.dispatch.Replies;
import net.fsgateway.dispatch.MethodSink;
import net.fsgateway.infra.Closeables;
import net.fsgateway.infra.PgBudget;
import net.fsgateway.infra.PgPools;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.resilience.Deadline;
import net.fsgateway.resilience.DeadlineRedis;
import net.fsgateway.session.AgentSessions;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * The session-scoped provisioning methods. Each call first resolves its session to an agent (one Redis
 * round trip), then runs with that agent.
 *
 * <p>Answer types: {@code available}, counts and row numbers (agentnum, custnum, pkgpart, svcnum) are built as
 * {@code <int>}; the dispatcher sends them as Freeside's strings unless {@code compat.typedAnswers} is set
 * ({@link net.fsgateway.dispatch.FreesideTyping}). Names, prices ("10.00"), {@code freq} and dates are strings.
 */
public final class ProvisioningMethods implements MethodService {

  private final GatewayConfig config;
  private final Closeables opened = new Closeables();

  public ProvisioningMethods(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public Future<Void> start(Vertx vertx, MethodSink sink) {
    // Every provisioning query is one statement: a pipelining client (measured on 2 cores, check_username at 64
    // connections: 10,942–13,674 req/s pipelined against 9,519–10,466 with the pool). Signups keep the pool:
    // pipelined, their writes queue behind each other's commits (1,233–1,550 against 1,272–1,802 signups/s).
    SqlClient db = opened.add(PgPools.pipelinedBatched(vertx, config.pg(), config.deadlines()), SqlClient::close);
    RedisAPI redis = opened.add(DeadlineRedis.wrap(vertx, RedisClients.create(vertx, config.redis()), config.deadlines()));
    AgentSessions sessions = opened.add(AgentSessions.open(vertx, redis, config, db),
        AgentSessions::close);
    Deadline pg = Deadline.pg(vertx, config.deadlines());
    ProvisioningService accounts = new ProvisioningService(db);
    // Listings hold a connection while they stream: their own small pool, so they never take the others'.
    Pool listings = opened.add(PgPools.sized(vertx, config.pg(), config.deadlines(), PgBudget.LISTING_CONNECTIONS),
        Pool::close);
    CustomerListing customers = new CustomerListing(vertx, listings, config.limits().callTimeoutMs());
    SignupInfo signup = new SignupInfo(db, config.signup(), config.compat().typedAnswers());
    return Future.join(
        register(sink, sessions, pg, "check_username", accounts::checkUsername),
        register(sink, sessions, pg, "suspend_username", accounts::suspend),
        register(sink, sessions, pg, "unsuspend_username", accounts::unsuspend),
        register(sink, sessions, pg, "agent_info", (agent, params) -> accounts.agentInfo(agent)),
        // A listing streams for as long as it takes: each cursor fetch is bounded by statement_timeout instead.
        sink.register("agent_list_customers", MethodHandler.streamed(call -> sessions.agentOf(call.struct())
            .compose(agent -> agent.isPresent() ? customers.list(agent.get(), call.struct())
                : Future.succeededFuture(new MethodResponse.Success(Replies.error(AgentSessions.CANT_RESUME)))))),
        register(sink, sessions, pg, "signup_info", signup::info)).mapEmpty();
  }

  /** Each body is one statement (two concurrent ones for signup_info): the PG deadline bounds it whole. */
  private static Future<Void> register(MethodSink sink, AgentSessions sessions, Deadline pg, String method,
                                       BiFunction<Long, XStruct, Future<XmlRpcValue>> body) {
    return sink.register(method, call -> sessions.withAgent(call.struct(),
        agent -> pg.bound(body.apply(agent, call.struct()))));
  }

  @Override
  public Future<Void> stop() {
    return opened.closeAll();
  }
}
