package net.fsgateway.xmlrpc;

import java.util.Optional;

/**
 * Reads a struct member by its meaning rather than by the type the client guessed.
 *
 * <p>A string field accepts any scalar and gets its lexical text exactly as sent ({@code <i4>02134</i4>} is
 * "02134"). A number field accepts an integer type or a digit string and is range-checked here.
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
