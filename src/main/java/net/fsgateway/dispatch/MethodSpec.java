package net.fsgateway.dispatch;

import java.util.List;
import java.util.Objects;

/**
 * A method the gateway serves: where it goes on the bus, how its params are checked, and what
 * {@code system.methodHelp} / {@code system.methodSignature} say about it.
 *
 * @param signatures XML-RPC signatures, each a list of type names, return type first
 */
public record MethodSpec(String name, ParamRule rule, String help, List<List<String>> signatures, int timeoutMs) {
  public static final List<List<String>> STRUCT_TO_STRUCT = List.of(List.of("struct", "struct"));

  public MethodSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(help, "help");
    signatures = List.copyOf(signatures);
  }

  public String address() {
    return Addresses.method(name);
  }

  /**
   * A reseller method: one struct (or its flat name/value list) in, one struct out. {@code timeoutMs} 0 takes the
   * configured default.
   */
  public static MethodSpec reseller(String name, String help) {
    return new MethodSpec(name, ParamRule.ONE_STRUCT, help, STRUCT_TO_STRUCT, 0);
  }
}
