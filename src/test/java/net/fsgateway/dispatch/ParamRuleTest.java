package net.fsgateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XInt;
import net.fsgateway.xmlrpc.XNil;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.Test;

/** One struct, or Freeside's flat list of names and values, read as one struct. */
class ParamRuleTest {
  private static final ParamRule RULE = ParamRule.ONE_STRUCT;

  @Test
  void aStructPassesAsItIs() {
    List<XmlRpcValue> params = List.of(XStruct.builder().put("a", "1").build());
    assertThat(RULE.check(params)).isEmpty();
    assertThat(RULE.normalize(params)).isEqualTo(params);
  }

  @Test
  void aFlatListBecomesAStructWithTheLastValueOfARepeatedName() {
    List<XmlRpcValue> params = List.of(XString.of("session_id"), XString.of("s"), new XInt("5"), XString.of("x"),
        XString.of("session_id"), new XInt("02134"));
    assertThat(RULE.check(params)).isEmpty();
    assertThat(RULE.normalize(params)).containsExactly(XStruct.builder().put("session_id", new XInt("02134"))
        .put("5", "x").build());
  }

  @Test
  void noParamsIsTheEmptyStruct() {
    assertThat(RULE.check(List.of())).isEmpty();
    assertThat(RULE.normalize(List.of())).containsExactly(XStruct.builder().build());
  }

  @Test
  void oddListsNamesThatAreNoScalarAndAStructWithMoreAreRefused() {
    assertThat(RULE.check(List.of(XString.of("a"), XString.of("b"), XString.of("c"))))
        .hasValueSatisfying(p -> assertThat(p).contains("odd number of params: 3 (string, string, string)"));
    assertThat(RULE.check(List.of(new XArray(List.of()), XString.of("b"))))
        .hasValueSatisfying(p -> assertThat(p).contains("param 1 (a name) is a array"));
    assertThat(RULE.check(List.of(XString.of("a"), XString.of("b"), XNil.NIL, XString.of("c"))))
        .hasValueSatisfying(p -> assertThat(p).contains("param 3 (a name) is a nil"));
    assertThat(RULE.check(List.of(XStruct.builder().build(), XString.of("b"))))
        .hasValueSatisfying(p -> assertThat(p).contains("one <struct> or a flat list"));
  }
}
