package net.fsgateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XBase64;
import net.fsgateway.xmlrpc.XBoolean;
import net.fsgateway.xmlrpc.XDateTime;
import net.fsgateway.xmlrpc.XDouble;
import net.fsgateway.xmlrpc.XI8;
import net.fsgateway.xmlrpc.XNil;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import org.junit.jupiter.api.Test;

class WriterTest {
  private static final String DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private static String text(MethodResponse r) {
    return XmlRpcResponseWriter.write(r).toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesSuccessStruct() {
    XStruct s = XStruct.builder().put("error", "").put("custnum", "1234").put("n", 7).build();
    assertThat(text(MethodResponse.success(s))).isEqualTo(DECL + "<methodResponse><params><param><value><struct>"
        + "<member><name>error</name><value><string></string></value></member>"
        + "<member><name>custnum</name><value><string>1234</string></value></member>"
        + "<member><name>n</name><value><int>7</int></value></member>"
        + "</struct></value></param></params></methodResponse>");
  }

  @Test
  void writesFault() {
    assertThat(text(MethodResponse.fault(FaultCode.PARSE_ERROR, "bad <xml> & more")))
        .isEqualTo(DECL + "<methodResponse><fault><value><struct>"
            + "<member><name>faultCode</name><value><int>-32700</int></value></member>"
            + "<member><name>faultString</name><value><string>bad &lt;xml&gt; &amp; more</string></value></member>"
            + "</struct></value></fault></methodResponse>");
    assertThat(text(new MethodResponse.Fault(Integer.MIN_VALUE, ""))).contains("<int>-2147483648</int>");
    assertThat(text(new MethodResponse.Fault(0, ""))).contains("<int>0</int>");
  }

  @Test
  void writesEveryScalar() {
    XArray a = new XArray(List.of(XI8.of(5), XBoolean.TRUE, XBoolean.FALSE, new XDouble(1.5, "1.5"),
        new XDateTime(LocalDateTime.of(998, 7, 17, 4, 8, 5, 999), "x"),
        new XBase64("hello!?".getBytes(StandardCharsets.US_ASCII)), XNil.NIL));
    assertThat(text(MethodResponse.success(a))).contains("<value><array><data>"
        + "<value><i8>5</i8></value><value><boolean>1</boolean></value><value><boolean>0</boolean></value>"
        + "<value><double>1.5</double></value><value><dateTime.iso8601>09980717T04:08:05</dateTime.iso8601></value>"
        + "<value><base64>aGVsbG8hPw==</base64></value><value><nil/></value></data></array></value>");
  }

  @Test
  void escapesCrAndEncodesUtf8() {
    String xml = text(MethodResponse.success(new XString("a\r\nb\t\u00e9\u20ac\ud83d\ude00")));
    assertThat(xml).contains("<string>a&#13;\nb\t\u00e9\u20ac\ud83d\ude00</string>");
  }

  @Test
  void replacesCharsXmlCannotCarry() throws Exception {
    String sent = "\u0000a\u0008\u001F\uFFFE\uFFFF\ud800b\udc00c\ud83d";
    String want = "\uFFFDa\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD";
    MethodResponse back = XmlRpcResponseDecoder.decode(XmlRpcResponseWriter.write(MethodResponse.success(
        XStruct.builder().put(sent, sent).build())));
    assertThat(back).isEqualTo(MethodResponse.success(XStruct.builder().put(want, want).build()));
  }

  @Test
  void writesRequest() {
    String xml = XmlRpcRequestWriter.write(new MethodCall("a.b", List.of(XString.of("x"))))
        .toString(StandardCharsets.UTF_8);
    assertThat(xml).isEqualTo(DECL + "<methodCall><methodName>a.b</methodName><params><param>"
        + "<value><string>x</string></value></param></params></methodCall>");
  }
}
