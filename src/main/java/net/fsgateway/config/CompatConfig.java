package net.fsgateway.config;

/**
 * How closely answers copy Freeside's wire format. By default every scalar of a reseller method's answer is a
 * {@code <string>} and an undefined value an empty {@code <value/>}, as Freeside's XMLRPC::Lite servers send them
 * (integrations compare {@code === '1'}); {@code typedAnswers} sends numbers as {@code <int>} and undefined values
 * as {@code <nil/>} instead, for integrations written against the gateway.
 */
public record CompatConfig(boolean typedAnswers) {

  static CompatConfig from(ConfigSource s) {
    return new CompatConfig(s.bool("compat.typedAnswers", false));
  }
}
