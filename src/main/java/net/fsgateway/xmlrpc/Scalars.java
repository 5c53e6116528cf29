package net.fsgateway.xmlrpc;

import java.util.Optional;

/**
 * The lexical text of any scalar, whatever type the client guessed: {@code <i4>02134</i4>} is "02134". Reading a
 * struct member by its meaning (text or checked number) is {@code net.fsgateway.dispatch.Fields}.
 */
public final class Scalars {
  private Scalars() {
  }

  /** The lexical text of a scalar; empty for nil, absent for a struct, array or base64. */
  public static Optional<String> text(XmlRpcValue value) {
    if (value == null) {
      return Optional.empty();
    }
    // Java 17 has no pattern switch; the sealed hierarchy keeps this ladder closed.
    if (value instanceof XString s) {
      return Optional.of(s.value());
    } else if (value instanceof XInt i) {
      return Optional.of(i.text());
    } else if (value instanceof XI8 l) {
      return Optional.of(l.text());
    } else if (value instanceof XDouble d) {
      return Optional.of(d.text());
    } else if (value instanceof XBoolean b) {
      return Optional.of(b.text());
    } else if (value instanceof XDateTime t) {
      return Optional.of(t.text());
    } else if (value instanceof XNil) {
      return Optional.of("");
    }
    return Optional.empty();
  }
}
