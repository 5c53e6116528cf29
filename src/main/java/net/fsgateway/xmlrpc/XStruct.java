package net.fsgateway.xmlrpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code <struct>}: members in the order they were sent (a duplicate name keeps the last value). */
public record XStruct(Map<String, XmlRpcValue> members) implements XmlRpcValue {
  public XStruct {
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  public XmlRpcValue get(String name) {
    return members.get(name);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a struct in member order. */
  public static final class Builder {
    private final LinkedHashMap<String, XmlRpcValue> members = new LinkedHashMap<>();

    public Builder put(String name, XmlRpcValue value) {
      members.put(name, value);
      return this;
    }

    public Builder put(String name, String value) {
      return put(name, XString.of(value));
    }

    public Builder put(String name, int value) {
      return put(name, XInt.of(value));
    }

    public XStruct build() {
      return new XStruct(members);
    }
  }
}
