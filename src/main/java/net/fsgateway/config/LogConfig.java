package net.fsgateway.config;

import java.util.Locale;

/**
 * How log lines are written: {@code format} {@code plain} text (the default) or {@code json}, one object per line;
 * {@code access} false silences the one-line-per-call access log (logger {@code fsgateway.access}).
 */
public record LogConfig(Format format, boolean access) {
  public enum Format { PLAIN, JSON }

  public LogConfig {
    ConfigException.require(format != null, "log.format is required");
  }

  static LogConfig from(ConfigSource s) {
    String text = s.string("log.format", "plain");
    Format format = switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "plain" -> Format.PLAIN;
      case "json" -> Format.JSON;
      default -> throw new ConfigException("log.format must be plain or json, not '" + text + "'");
    };
    return new LogConfig(format, s.bool("log.access", true));
  }
}
