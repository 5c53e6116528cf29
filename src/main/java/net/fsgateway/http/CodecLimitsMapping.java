package net.fsgateway.http;

import net.fsgateway.codec.CodecLimits;
import net.fsgateway.config.LimitsConfig;

/** The configured limits as the codec takes them. */
final class CodecLimitsMapping {
  private CodecLimitsMapping() {
  }

  static CodecLimits from(LimitsConfig limits) {
    return new CodecLimits(limits.maxBodyBytes(), limits.maxDepth(), limits.maxStructMembers(),
        limits.maxArrayItems(), limits.maxStringChars(), CodecLimits.DEFAULTS.maxParams(),
        CodecLimits.DEFAULTS.maxMethodNameChars());
  }
}
