package net.fsgateway.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XStructTest {
  @Test
  void aBuiltStructKeepsItsMembersWhenItsBuilderGoesOn() {
    XStruct.Builder builder = XStruct.builder().put("error", "").put("available", 1);
    XStruct first = builder.build();
    builder.put("available", 0).put("extra", "x");
    XStruct second = builder.build();

    assertThat(first.members()).containsExactly(Map.entry("error", XString.of("")), Map.entry("available", XInt.of(1)));
    assertThat(second.members()).containsExactly(Map.entry("error", XString.of("")),
        Map.entry("available", XInt.of(0)), Map.entry("extra", XString.of("x")));
  }

  @Test
  void membersCannotBeChangedThroughTheStructWhetherBuiltOrGivenAMap() {
    Map<String, XmlRpcValue> given = new LinkedHashMap<>(Map.of("a", XString.of("1")));
    XStruct fromMap = new XStruct(given);
    given.put("b", XString.of("2"));
    assertThat(fromMap.members()).containsOnlyKeys("a");

    XStruct built = XStruct.builder().put("a", "1").build();
    assertThatThrownBy(() -> built.members().put("b", XString.of("2"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> built.members().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> built.members().keySet().remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(built.members()).containsOnlyKeys("a");
  }

  @Test
  void aBuiltStructEqualsTheSameMembersGivenAsAMapAndKeepsTheirOrder() {
    XStruct built = XStruct.builder().put("z", "1").put("a", 2).build();
    XStruct fromMap = new XStruct(new LinkedHashMap<>(Map.of("z", XString.of("1"), "a", XInt.of(2))));
    assertThat(built).isEqualTo(fromMap).hasSameHashCodeAs(fromMap);
    assertThat(built.members().keySet()).containsExactly("z", "a");
    assertThat(built.get("a")).isEqualTo(XInt.of(2));
    assertThat(new XStruct(built.members())).isEqualTo(built);
  }
}
