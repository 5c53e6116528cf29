package net.fsgateway.bench;

import io.vertx.core.Future;

/** A scenario that works inside one reseller session, logged in before the clock starts and out after it stops. */
abstract class SessionScenario implements Scenario {
  protected final BenchSettings settings;
  protected String sessionId = "";
  protected SignupCatalog catalog;

  SessionScenario(BenchSettings settings) {
    this.settings = settings;
  }

  /** Whether setUp must find a package and a domain (signups) or only a domain (checks). */
  protected abstract boolean needsPackage();

  @Override
  public Future<Void> setUp(RpcClient client) {
    return AgentSession.login(client, settings.username(), settings.password())
        .compose(id -> {
          sessionId = id;
          if (!needsPackage() && settings.domain() != null) {
            return Future.succeededFuture(new SignupCatalog("", settings.domain()));
          }
          return SignupCatalog.resolve(client, id, settings.pkgpart(), settings.domain());
        })
        .onSuccess(c -> catalog = c)
        .mapEmpty();
  }

  @Override
  public Future<Void> tearDown(RpcClient client) {
    return sessionId.isEmpty() ? Future.succeededFuture() : AgentSession.logout(client, sessionId);
  }
}
