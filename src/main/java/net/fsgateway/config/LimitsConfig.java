package net.fsgateway.config;

import static net.fsgateway.config.ConfigException.require;

/**
 * Request limits, enforced while the body streams in, the per-call timeout of the event bus, and how many calls
 * this gateway has in flight at most before it sheds the next ones ({@code maxInFlight}), and each reseller's
 * share of them ({@code agent*}, and {@code sharedInFlight} split between the active ones: see {@code AgentGate}).
 */
public record LimitsConfig(int maxBodyBytes, int maxDepth, int maxStructMembers, int maxArrayItems,
                           int maxStringChars, int maxMulticallCalls, int callTimeoutMs, int maxInFlight,
                           int agentMaxInFlight, int agentMaxQueued, int agentQueueWaitMs, int sharedInFlight) {

  public LimitsConfig {
    require(maxBodyBytes >= 1024, "limits.maxBodyBytes must be >= 1024");
    require(maxDepth >= 4, "limits.maxDepth must be >= 4");
    require(maxStructMembers >= 16, "limits.maxStructMembers must be >= 16");
    require(maxArrayItems >= 1, "limits.maxArrayItems must be >= 1");
    require(maxStringChars >= 256, "limits.maxStringChars must be >= 256");
    require(maxMulticallCalls >= 1, "limits.maxMulticallCalls must be >= 1");
    require(callTimeoutMs >= 100, "limits.callTimeoutMs must be >= 100");
    require(maxInFlight >= 1, "limits.maxInFlight must be >= 1");
    require(agentMaxInFlight >= 1, "limits.agentMaxInFlight must be >= 1");
    require(agentMaxQueued >= 0, "limits.agentMaxQueued must be >= 0");
    require(agentQueueWaitMs >= 1 && agentQueueWaitMs < callTimeoutMs,
        "limits.agentQueueWaitMs must be >= 1 and < limits.callTimeoutMs");
    require(sharedInFlight >= 0, "limits.sharedInFlight must be >= 0");
  }

  static LimitsConfig from(ConfigSource s) {
    return new LimitsConfig(
        s.integer("limits.maxBodyBytes", 1 << 20),
        s.integer("limits.maxDepth", 32),
        s.integer("limits.maxStructMembers", 1024),
        s.integer("limits.maxArrayItems", 10_000),
        s.integer("limits.maxStringChars", 65_536),
        s.integer("limits.maxMulticallCalls", 100),
        s.integer("limits.callTimeoutMs", 10_000),
        s.integer("limits.maxInFlight", 1024),
        s.integer("limits.agentMaxInFlight", 16),
        s.integer("limits.agentMaxQueued", 256),
        s.integer("limits.agentQueueWaitMs", 1_000),
        s.integer("limits.sharedInFlight", 8));
  }
}
