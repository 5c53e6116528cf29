package net.fsgateway.support;

import java.util.Map;
import org.apache.xmlrpc.XmlRpcException;

/**
 * An agent for end-to-end tests, with a private domain and one package it may sell, made with {@link TestData}.
 *
 * @param agentnum      the agent
 * @param username      its login
 * @param password      its clear password (test data only)
 * @param privateDomain a domain only this agent may use
 * @param domsvc        that domain's svcnum
 * @param pkgpart       a package ("10.00" setup, "19.95" monthly) the agent may sell
 */
public record TestReseller(long agentnum, String username, String password, String privateDomain, long domsvc,
                           long pkgpart) {

  public static TestReseller create() {
    String username = TestData.unique("agent");
    String password = "pw-" + TestData.unique("");
    long agentnum = TestData.agent("Reseller " + username, username, password, false);
    String domain = TestData.unique("d") + ".example";
    long domsvc = TestData.domain(domain, agentnum);
    long pkgpart = TestData.pkg("Pkg " + username, "10.00", "19.95", 1);
    TestData.allow(agentnum, pkgpart);
    return new TestReseller(agentnum, username, password, domain, domsvc, pkgpart);
  }

  /** Logs in through the gateway and returns the session id. */
  public String login(TestGateway gateway) throws XmlRpcException {
    Map<String, Object> answer = gateway.call("agent_login", Map.of("username", username, "password", password));
    if (!"".equals(answer.get("error"))) {
      throw new IllegalStateException("login failed: " + answer.get("error"));
    }
    return (String) answer.get("session_id");
  }

  /** A customer of this agent with one package and the account {@code user@domain} (domain by svcnum). */
  public long customerWithAccount(String last, String user, long domainSvcnum, boolean suspended, boolean cancelled) {
    long custnum = TestData.customer(agentnum, "Pat", last, "");
    long pkgnum = TestData.custPkg(custnum, pkgpart, suspended, cancelled);
    TestData.account(pkgnum, user, domainSvcnum);
    return custnum;
  }
}
