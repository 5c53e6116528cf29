package net.fsgateway.codec;

import static net.fsgateway.codec.Chunked.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XBase64;
import net.fsgateway.xmlrpc.XBoolean;
import net.fsgateway.xmlrpc.XDateTime;
import net.fsgateway.xmlrpc.XDouble;
import net.fsgateway.xmlrpc.XI8;
import net.fsgateway.xmlrpc.XInt;
import net.fsgateway.xmlrpc.XNil;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestDecoderTypesTest {

  static Stream<Arguments> values() {
    LocalDateTime t = LocalDateTime.of(1998, 7, 17, 14, 8, 55);
    return Stream.of(
        Arguments.of("<value><string>abc</string></value>", new XString("abc")),
        Arguments.of("<value>  untyped text \n</value>", new XString("  untyped text \n")),
        Arguments.of("<value></value>", XString.EMPTY),
        Arguments.of("<value/>", XString.EMPTY),
        Arguments.of("<value><string/></value>", XString.EMPTY),
        Arguments.of("<value><string>  keep  </string></value>", new XString("  keep  ")),
        Arguments.of("<value>\n  <string>x</string>\n  </value>", new XString("x")),
        Arguments.of("<value><string>a &amp; b &lt;c&gt; &quot;&apos; &#233;&#x20AC;</string></value>",
            new XString("a & b <c> \"' \u00e9\u20ac")),
        Arguments.of("<value><string><![CDATA[<not> & markup]]>!</string></value>", new XString("<not> & markup!")),
        Arguments.of("<value><string>\u00e9\u20ac\ud83d\ude00</string></value>", new XString("\u00e9\u20ac\ud83d\ude00")),
        Arguments.of("<value><i4> 42 </i4></value>", new XInt("42")),
        Arguments.of("<value><int>-7</int></value>", new XInt("-7")),
        Arguments.of("<value><i4>4111111111111111</i4></value>", new XInt("4111111111111111")),
        Arguments.of("<value><i4>02134</i4></value>", new XInt("02134")),
        Arguments.of("<value><int>+5</int></value>", new XInt("+5")),
        Arguments.of("<value><i8>9223372036854775807</i8></value>", new XI8("9223372036854775807")),
        Arguments.of("<value><ex:i8 xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">8</ex:i8></value>",
            new XI8("8")),
        Arguments.of("<value><boolean>1</boolean></value>", XBoolean.TRUE),
        Arguments.of("<value><boolean> 0 </boolean></value>", XBoolean.FALSE),
        Arguments.of("<value><boolean>TRUE</boolean></value>", XBoolean.TRUE),
        Arguments.of("<value><boolean>false</boolean></value>", XBoolean.FALSE),
        Arguments.of("<value><double>-12.5</double></value>", new XDouble(-12.5, "-12.5")),
        Arguments.of("<value><double>1e3</double></value>", new XDouble(1000, "1e3")),
        Arguments.of("<value><double>.5</double></value>", new XDouble(0.5, ".5")),
        Arguments.of("<value><dateTime.iso8601>19980717T14:08:55</dateTime.iso8601></value>",
            new XDateTime(t, "19980717T14:08:55")),
        Arguments.of("<value><dateTime.iso8601> 1998-07-17T14:08:55 </dateTime.iso8601></value>",
            new XDateTime(t, "1998-07-17T14:08:55")),
        Arguments.of("<value><dateTime.iso8601>19980717T140855</dateTime.iso8601></value>",
            new XDateTime(t, "19980717T140855")),
        Arguments.of("<value><dateTime.iso8601>1998-07-17T14:08:55.123Z</dateTime.iso8601></value>",
            new XDateTime(t.withNano(123_000_000), "1998-07-17T14:08:55.123Z")),
        Arguments.of("<value><dateTime.iso8601>1998-07-17T16:08:55+02:00</dateTime.iso8601></value>",
            new XDateTime(t, "1998-07-17T16:08:55+02:00")),
        Arguments.of("<value><dateTime.iso8601>19980717T09:08:55-0500</dateTime.iso8601></value>",
            new XDateTime(t, "19980717T09:08:55-0500")),
        Arguments.of("<value><dateTime.iso8601>19980717</dateTime.iso8601></value>",
            new XDateTime(LocalDateTime.of(1998, 7, 17, 0, 0), "19980717")),
        Arguments.of("<value><base64>aGVs\n bG8=\r\n</base64></value>",
            new XBase64("hello".getBytes(StandardCharsets.US_ASCII))),
        Arguments.of("<value><base64></base64></value>", new XBase64(new byte[0])),
        Arguments.of("<value><nil/></value>", XNil.NIL),
        Arguments.of("<value><ex:nil xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\"/></value>", XNil.NIL),
        Arguments.of("<value><struct></struct></value>", new XStruct(java.util.Map.of())),
        Arguments.of("<value><struct>\n <member>\n  <name>a</name>\n  <value><int>1</int></value>\n </member>\n"
            + " <member><name></name><value>e</value></member>"
            + " <member><value>v</value><name>b</name></member>"
            + " <member><name>a</name><value>last wins</value></member></struct></value>",
            XStruct.builder().put("a", "last wins").put("", "e").put("b", "v").build()),
        Arguments.of("<value><array><data/></array></value>", new XArray(List.of())),
        Arguments.of("<value><array>\n<data>\n<value>x</value>\n<value><i4>1</i4></value>\n"
            + "<value><array><data><value><nil/></value></data></array></value></data></array></value>",
            new XArray(List.of(new XString("x"), new XInt("1"), new XArray(List.of(XNil.NIL))))),
        Arguments.of("<value><string>a<!-- comment -->b<?pi x?>c</string></value>", new XString("abc")));
  }

  static Stream<Arguments> valuesByChunk() {
    return values().flatMap(a -> Chunked.sizes().mapToObj(
        size -> Arguments.of(a.get()[0], a.get()[1], size)));
  }

  @ParameterizedTest(name = "[{2}] {0}")
  @MethodSource("valuesByChunk")
  void readsEveryType(String valueXml, XmlRpcValue expected, int chunk) throws Exception {
    MethodCall call = Chunked.decode(call(valueXml), chunk);
    assertThat(call.methodName()).isEqualTo("m");
    assertThat(call.params()).containsExactly(expected);
  }

  @Test
  void paramsMayBeOmitted() throws Exception {
    assertThat(Chunked.decode("<methodCall><methodName>system.listMethods</methodName></methodCall>"))
        .isEqualTo(new MethodCall("system.listMethods", List.of()));
    assertThat(Chunked.decode("<methodCall><methodName>x</methodName><params/></methodCall>").params()).isEmpty();
  }

  @Test
  void methodNameIsTrimmedAndParamsKeepOrder() throws Exception {
    MethodCall call = Chunked.decode("<?xml version=\"1.0\"?>\n<methodCall>\n <methodName> a.b </methodName>\n"
        + " <params>\n  <param><value>1</value></param>\n  <param><value><int>2</int></value></param>\n"
        + " </params>\n</methodCall>\n<!-- trailing -->\n");
    assertThat(call).isEqualTo(new MethodCall("a.b", List.of(new XString("1"), new XInt("2"))));
  }

  @Test
  void readsRealLatin1BytesWhenDeclared() throws Exception {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + call("<value>Zo\u00eb M\u00fcller</value>"))
        .replace("<?xml version=\"1.0\"?>", "").getBytes(StandardCharsets.ISO_8859_1);
    for (int chunk : Chunked.sizes().toArray()) {
      assertThat(Chunked.decode(body, chunk, CodecLimits.DEFAULTS).params())
          .containsExactly(new XString("Zo\u00eb M\u00fcller"));
    }
  }

  @Test
  void repairsPhpMojibakeInStringsAndNamesOnly() throws Exception {
    MethodCall call = Chunked.decode(call("<value><struct><member><name>n&#195;&#169;</name>"
        + "<value><string>Zo&#195;&#171;</string></value></member>"
        + "<member><name>latin</name><value>Zo&#235;</value></member></struct></value>"));
    assertThat(call.params()).containsExactly(
        XStruct.builder().put("n\u00e9", "Zo\u00eb").put("latin", "Zo\u00eb").build());
  }
}
