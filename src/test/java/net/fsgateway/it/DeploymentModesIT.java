package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.fsgateway.config.DeploymentConfig;
import net.fsgateway.config.DeploymentConfig.Services;
import net.fsgateway.session.AgentSessions;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every method's service answers in each deployment: co-located, event-bus verticles, worker verticles. */
@Timeout(60)
class DeploymentModesIT {
  @ParameterizedTest
  @EnumSource(Services.class)
  void aResellerSessionWorksInEveryDeployment(Services services) throws Exception {
    try (TestGateway gateway = TestGateway.start(c -> c.withDeployment(new DeploymentConfig(services, 2, 0)))) {
      TestReseller reseller = TestReseller.create();
      String session = reseller.login(gateway);
      String username = TestData.unique("free");

      Map<String, Object> check = gateway.call("check_username",
          Map.of("session_id", session, "username", username, "domain", reseller.privateDomain()));
      assertThat(check).containsEntry("error", "").containsEntry("available", "1");
      assertThat(gateway.call("agent_info", Map.of("session_id", session)))
          .containsEntry("error", "").containsEntry("agentnum", String.valueOf(reseller.agentnum()));
      long custnum = TestData.customer(reseller.agentnum(), "Dee", "Ployed", "");
      Object[] customers = (Object[]) gateway.call("agent_list_customers", Map.of("session_id", session,
          "search", "ployed")).get("customers");
      assertThat(customers).hasSize(1);
      assertThat(((Map<?, ?>) customers[0]).get("custnum")).isEqualTo(String.valueOf(custnum));
      assertThat(gateway.call("new_customer", Map.of("session_id", session + "x")))
          .containsEntry("error", AgentSessions.CANT_RESUME);
      assertThat(gateway.call("agent_logout", Map.of("session_id", session))).containsEntry("error", "");
      assertThat(gateway.call("check_username",
          Map.of("session_id", session, "username", username, "domain", reseller.privateDomain())))
          .containsEntry("error", AgentSessions.CANT_RESUME);
    }
  }
}
