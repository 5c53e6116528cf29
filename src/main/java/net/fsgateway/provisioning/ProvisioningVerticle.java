package net.fsgateway.provisioning;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import java.util.function.BiFunction;
import net.fsgateway.config.GatewayConfig;
import net.fsgateway.dispatch.MethodConsumers;
import net.fsgateway.infra.PgPools;
import net.fsgateway.infra.RedisClients;
import net.fsgateway.session.AgentSessions;
import net.fsgateway.session.SessionStore;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * Wiring for the session-scoped provisioning methods. Each call first resolves its session to an agent (one Redis
 * round trip), then runs with that agent.
 *
 * <p>Answer types: {@code available}, {@code truncated}, counts and row numbers (agentnum, custnum, pkgpart,
 * svcnum) are {@code <int>}, as Freeside's Perl numbers go out; names, prices ("10.00"), {@code freq} (text in
 * Freeside's part_pkg) and dates stay strings.
 */
public final class ProvisioningVerticle extends VerticleBase {
  private final GatewayConfig config;
  private Pool pool;
  private RedisAPI redis;

  public ProvisioningVerticle(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.create(vertx, config.pg());
    redis = RedisClients.create(vertx, config.redis());
    AgentSessions sessions = new AgentSessions(new SessionStore(redis, config.session().ttlSeconds()));
    ProvisioningService accounts = new ProvisioningService(pool);
    CustomerSearch customers = new CustomerSearch(pool);
    SignupInfo signup = new SignupInfo(pool);
    return Future.join(
        register(sessions, "check_username", accounts::checkUsername),
        register(sessions, "suspend_username", accounts::suspend),
        register(sessions, "unsuspend_username", accounts::unsuspend),
        register(sessions, "agent_info", (agent, params) -> accounts.agentInfo(agent)),
        register(sessions, "agent_list_customers", customers::list),
        register(sessions, "signup_info", (agent, params) -> signup.info(agent)));
  }

  private Future<Void> register(AgentSessions sessions, String method,
                                BiFunction<Long, XStruct, Future<XmlRpcValue>> body) {
    return MethodConsumers.register(vertx, method,
        call -> sessions.withAgent(call.struct(), agent -> body.apply(agent, call.struct())));
  }

  @Override
  public Future<?> stop() {
    if (redis != null) {
      redis.close();
    }
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
