package net.fsgateway.xmlrpc;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code <struct>}: members in the order they were sent (a duplicate name keeps the last value). */
public record XStruct(Map<String, XmlRpcValue> members) implements XmlRpcValue {
  public XStruct {
    // A map a Builder handed over is read-only already; any other is copied, so no caller can change it later.
    members = members instanceof HandedOver ? members : Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  public XmlRpcValue get(String name) {
    return members.get(name);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder whose map is sized for {@code expectedMembers} from the start, so it is never rehashed. */
  public static Builder builder(int expectedMembers) {
    return new Builder(expectedMembers);
  }

  /**
   * Builds a struct in member order. {@link #build} hands the builder's map to the struct instead of copying it
   * (every call decodes one struct and answers one or two); a builder used again after that starts a new map.
   */
  public static final class Builder {
    private LinkedHashMap<String, XmlRpcValue> members;
    private boolean built;

    private Builder() {
      members = new LinkedHashMap<>();
    }

    private Builder(int expectedMembers) {
      members = new LinkedHashMap<>((int) (expectedMembers / 0.75f) + 1);
    }

    public Builder put(String name, XmlRpcValue value) {
      if (built) {
        members = new LinkedHashMap<>(members);
        built = false;
      }
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
      built = true;
      return new XStruct(new HandedOver(members));
    }
  }

  /** A builder's map seen read-only; nothing else holds it once the builder has moved on. */
  private static final class HandedOver extends AbstractMap<String, XmlRpcValue> {
    private final Map<String, XmlRpcValue> map;
    private final Map<String, XmlRpcValue> readOnly;

    HandedOver(LinkedHashMap<String, XmlRpcValue> map) {
      this.map = map;
      this.readOnly = Collections.unmodifiableMap(map);
    }

    @Override
    public XmlRpcValue get(Object key) {
      return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public Set<Entry<String, XmlRpcValue>> entrySet() {
      return readOnly.entrySet();
    }

    /** The map's own values, read-only: AbstractMap's would wrap every entry on the way. */
    @Override
    public Collection<XmlRpcValue> values() {
      return readOnly.values();
    }
  }
}
