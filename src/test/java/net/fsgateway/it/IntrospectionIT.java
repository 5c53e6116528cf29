package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import net.fsgateway.config.LimitsConfig;
import net.fsgateway.support.TestGateway;
import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class IntrospectionIT {
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void listMethodsNamesEveryResellerMethodAndTheSystemOnes() throws Exception {
    Object[] names = (Object[]) gateway.client().execute("system.listMethods", new Object[0]);
    assertThat(Arrays.asList(names)).contains("FS.SelfService.XMLRPC.agent_login",
        "FS.SelfService.XMLRPC.new_customer", "system.multicall", "system.getCapabilities");
  }

  @Test
  void methodHelpAndSignatureAcceptEveryPrefix() throws Exception {
    Object help = gateway.client().execute("system.methodHelp", new Object[] {"FS.ClientAPI_XMLRPC.check_username"});
    assertThat((String) help).contains("username@domain");
    Object[] signatures = (Object[]) gateway.client().execute("system.methodSignature", new Object[] {"agent_login"});
    assertThat(Arrays.asList((Object[]) signatures[0])).containsExactly("struct", "struct");
  }

  @Test
  void unknownMethodIsFault32601() {
    assertThatThrownBy(() -> gateway.client().execute("FS.SelfService.XMLRPC.no_such_method", new Object[0]))
        .isInstanceOfSatisfying(XmlRpcException.class, e -> assertThat(e.code).isEqualTo(-32601));
  }

  @Test
  void resellerMethodWithoutStructIsFault32602() {
    assertThatThrownBy(() -> gateway.client().execute("FS.SelfService.XMLRPC.agent_login", new Object[] {"x"}))
        .isInstanceOfSatisfying(XmlRpcException.class, e -> assertThat(e.code).isEqualTo(-32602));
  }

  @Test
  void multicallAnswersEachSlotAndRefusesNesting() throws Exception {
    Object[] calls = {
        Map.of("methodName", "system.methodHelp", "params", new Object[] {"agent_logout"}),
        Map.of("methodName", "nope", "params", new Object[0]),
        Map.of("methodName", "system.multicall", "params", new Object[] {new Object[0]})};
    Object[] results = (Object[]) gateway.client().execute("system.multicall", new Object[] {calls});
    assertThat(results).hasSize(3);
    assertThat((String) ((Object[]) results[0])[0]).contains("session");
    assertThat(((Map<?, ?>) results[1]).get("faultCode")).isEqualTo(-32601);
    assertThat(((Map<?, ?>) results[2]).get("faultCode")).isEqualTo(-32600);
  }

  @Test
  void aMulticallStopsRunningInnerCallsAtTheCallTimeout() throws Exception {
    try (TestGateway slow = TestGateway.start(config -> config.withLimits(withCallTimeout(config.limits(), 150)))) {
      Object[] calls = new Object[40];
      for (int i = 0; i < calls.length; i++) {
        // distinct unknown usernames: each costs a full argon2id verification (tens of ms), none is throttled
        calls[i] = Map.of("methodName", "agent_login",
            "params", new Object[] {Map.of("username", "nobody-" + i + "-" + System.nanoTime(), "password", "x")});
      }
      Object[] results = (Object[]) slow.client().execute("system.multicall", new Object[] {calls});
      assertThat(results).hasSize(40);
      Object last = results[39];
      assertThat(last).isInstanceOf(Map.class);
      assertThat(((Map<?, ?>) last).get("faultCode")).isEqualTo(-32003);
      assertThat((String) ((Map<?, ?>) last).get("faultString")).contains("ran out of time");
    }
  }

  private static LimitsConfig withCallTimeout(LimitsConfig l, int ms) {
    return new LimitsConfig(l.maxBodyBytes(), l.maxDepth(), l.maxStructMembers(), l.maxArrayItems(),
        l.maxStringChars(), l.maxMulticallCalls(), ms, l.maxInFlight(), l.agentMaxInFlight(), l.agentMaxQueued(),
        Math.min(l.agentQueueWaitMs(), ms - 1), l.sharedInFlight());
  }

  @Test
  void capabilitiesNameFaultsInterop() throws Exception {
    Map<?, ?> caps = (Map<?, ?>) gateway.client().execute("system.getCapabilities", new Object[0]);
    assertThat(caps.containsKey("faults_interop")).isTrue();
    assertThat(((Map<?, ?>) caps.get("faults_interop")).get("specVersion")).isEqualTo(20010516);
    assertThat(caps.containsKey("multicall")).isTrue();
  }
}
