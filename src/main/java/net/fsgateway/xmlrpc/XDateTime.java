package net.fsgateway.xmlrpc;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * {@code <dateTime.iso8601>}. XML-RPC dates carry no zone, so the value is a {@link LocalDateTime}; when a client
 * sends an offset or {@code Z}, the instant is converted to UTC. {@code text} is the lexical form as sent.
 */
public record XDateTime(LocalDateTime value, String text) implements XmlRpcValue {
  public XDateTime {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(text, "text");
  }
}
