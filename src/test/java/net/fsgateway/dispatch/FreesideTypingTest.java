package net.fsgateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XBoolean;
import net.fsgateway.xmlrpc.XInt;
import net.fsgateway.xmlrpc.XNil;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.Test;

class FreesideTypingTest {
  @Test
  void everyScalarBecomesItsTextInMemberAndItemOrder() {
    XStruct answer = XStruct.builder().put("error", "").put("custnum", 12).put("nothing", XNil.NIL)
        .put("rows", new XArray(List.of(XString.of("a"), XInt.of(7), XBoolean.of(true))))
        .put("tail", "z").build();
    XmlRpcValue typed = FreesideTyping.strings(answer);
    assertThat(typed).isEqualTo(XStruct.builder().put("error", "").put("custnum", "12").put("nothing", XNil.NIL)
        .put("rows", new XArray(List.of(XString.of("a"), XString.of("7"), XString.of("1"))))
        .put("tail", "z").build());
    assertThat(((XStruct) typed).members().keySet()).containsExactly("error", "custnum", "nothing", "rows", "tail");
  }

  @Test
  void whatHasNothingToRewriteIsTheSameInstanceAndUnchangedPartsAreShared() {
    XArray strings = new XArray(List.of(XStruct.builder().put("state", "NY").build(), XString.of("x")));
    XStruct answer = XStruct.builder().put("error", "").put("locations", strings).build();
    assertThat(FreesideTyping.strings(answer)).isSameAs(answer);

    XStruct mixed = XStruct.builder().put("locations", strings).put("count", 2).build();
    XStruct typed = (XStruct) FreesideTyping.strings(mixed);
    assertThat(typed).isNotSameAs(mixed);
    assertThat(typed.get("locations")).isSameAs(strings);
    assertThat(typed.get("count")).isEqualTo(XString.of("2"));
  }
}
