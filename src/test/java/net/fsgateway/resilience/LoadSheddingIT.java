package net.fsgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.fsgateway.config.LimitsConfig;
import net.fsgateway.support.RawHttp;
import net.fsgateway.support.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Beyond {@code limits.maxInFlight} a call is refused at once with -32003, its body never decoded. */
@Timeout(60)
class LoadSheddingIT {

  @Test
  void callsBeyondTheLimitAreRefusedUndecodedAndTheSlotsComeBack() throws Exception {
    try (TestGateway gateway = TestGateway.start(c -> c.withLimits(withMaxInFlight(c.limits(), 2)))) {
      // Two calls whose bodies have not ended hold the two slots.
      RawHttp first = new RawHttp(gateway.port()).send(partialPost());
      RawHttp second = new RawHttp(gateway.port()).send(partialPost());
      Thread.sleep(200);
      // Not XML at all: decoded, it would be a parse fault (-32700); shed, it is -32003 without being read.
      String garbage = "this is not xml";
      try (RawHttp third = new RawHttp(gateway.port())) {
        RawHttp.Response refused = third.send(post(garbage)).read();
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("<int>-32003</int>").contains("server busy");
        // The connection stays usable: the same one is refused again, then served once slots are free.
        assertThat(third.send(post(garbage)).read().text()).contains("<int>-32003</int>");
        first.close();
        second.close();
        Thread.sleep(200);
        assertThat(third.send(post(garbage)).read().text()).contains("<int>-32700</int>");
      }
      assertThat(gateway.call("agent_login", Map.of("username", "nobody", "password", "x")))
          .containsEntry("error", "Incorrect password.");
    }
  }

  static LimitsConfig withMaxInFlight(LimitsConfig l, int max) {
    return new LimitsConfig(l.maxBodyBytes(), l.maxDepth(), l.maxStructMembers(), l.maxArrayItems(),
        l.maxStringChars(), l.maxMulticallCalls(), l.callTimeoutMs(), max, l.agentMaxInFlight(), l.agentMaxQueued(),
        l.agentQueueWaitMs(), l.sharedInFlight());
  }

  private static String partialPost() {
    return "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n<?xml version=\"1.0\"?><methodCall>";
  }

  private static String post(String body) {
    return "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n" + body;
  }
}
