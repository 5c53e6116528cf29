package net.fsgateway.codec;

import static net.fsgateway.codec.Chunked.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import net.fsgateway.xmlrpc.FaultCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestDecoderErrorsTest {

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("not xml at all", FaultCode.PARSE_ERROR),
        Arguments.of("<methodCall><methodName>m</methodName>", FaultCode.PARSE_ERROR),
        Arguments.of("<methodCall><methodName>m</methodCall>", FaultCode.PARSE_ERROR),
        Arguments.of("<methodCall><methodName>m</methodName></methodCall><methodCall/>", FaultCode.PARSE_ERROR),
        Arguments.of(call("<value><string>a & b</string></value>"), FaultCode.PARSE_ERROR),
        Arguments.of(call("<value><string>&#0;</string></value>"), FaultCode.PARSE_ERROR),
        Arguments.of(call("<value><string>&undeclared;</string></value>"), FaultCode.PARSE_ERROR),
        Arguments.of("<?xml version=\"1.0\"?><!DOCTYPE methodCall SYSTEM \"http://evil/x.dtd\">"
            + "<methodCall><methodName>m</methodName></methodCall>", FaultCode.PARSE_ERROR),
        Arguments.of("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<methodCall><methodName>&xxe;</methodName></methodCall>", FaultCode.PARSE_ERROR),
        Arguments.of("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            + "<methodCall><methodName>&lol3;</methodName></methodCall>", FaultCode.PARSE_ERROR),
        Arguments.of("<?xml version=\"1.0\" encoding=\"windows-1252\"?><methodCall/>", FaultCode.UNSUPPORTED_ENCODING),
        Arguments.of("<methodResponse/>", FaultCode.INVALID_REQUEST),
        Arguments.of("<methodCall></methodCall>", FaultCode.INVALID_REQUEST),
        Arguments.of("<methodCall><methodName> </methodName></methodCall>", FaultCode.INVALID_REQUEST),
        Arguments.of("<methodCall><methodName>a</methodName><methodName>b</methodName></methodCall>",
            FaultCode.INVALID_REQUEST),
        Arguments.of("<methodCall><methodName>a<b/></methodName></methodCall>", FaultCode.INVALID_REQUEST),
        Arguments.of("<methodCall>text<methodName>a</methodName></methodCall>", FaultCode.INVALID_REQUEST),
        Arguments.of("<methodCall><methodName>a</methodName><params/><params/></methodCall>",
            FaultCode.INVALID_REQUEST),
        Arguments.of("<methodCall><methodName>a</methodName><bogus/></methodCall>", FaultCode.INVALID_REQUEST),
        Arguments.of("<methodCall><methodName>a</methodName><params><value/></params></methodCall>",
            FaultCode.INVALID_REQUEST),
        Arguments.of("<methodCall><methodName>a</methodName><params><param/></params></methodCall>",
            FaultCode.INVALID_REQUEST),
        Arguments.of("<methodCall><methodName>a</methodName><params><param><value/><value/></param></params>"
            + "</methodCall>", FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><string>a</string><string>b</string></value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value>text<string>b</string></value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><string>b</string>text</value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><float>1</float></value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><string><b/></string></value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><struct><value/></struct></value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><struct>x</struct></value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><struct><member><value/></member></struct></value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><struct><member><name>a</name></member></struct></value>"),
            FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><struct><member><name>a</name><name>b</name><value/></member></struct></value>"),
            FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><struct><member><name>a</name><value/><value/></member></struct></value>"),
            FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><array/></value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><array><value/></array></value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><array><data/><data/></array></value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><array><data><string/></data></array></value>"), FaultCode.INVALID_REQUEST),
        Arguments.of(call("<value><i4>12a</i4></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><int></int></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><int>-</int></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><int>1 2</int></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><i8>" + "9".repeat(65) + "</i8></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><boolean>yes</boolean></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><boolean>2</boolean></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><double>NaN</double></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><double>Infinity</double></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><double>1e999</double></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><double>0x1p3</double></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><double>1.5d</double></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><double>1e</double></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><double>.</double></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><dateTime.iso8601>19981317T14:08:55</dateTime.iso8601></value>"),
            FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><dateTime.iso8601>19980717T25:08:55</dateTime.iso8601></value>"),
            FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><dateTime.iso8601>yesterday</dateTime.iso8601></value>"),
            FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><dateTime.iso8601>19980717T14:08:55+0</dateTime.iso8601></value>"),
            FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><dateTime.iso8601>19980717T14:08:55Zx</dateTime.iso8601></value>"),
            FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><dateTime.iso8601>19980717T14:08:55.</dateTime.iso8601></value>"),
            FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><base64>aGVsbG8</base64></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><base64>aGV*bG8=</base64></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><base64>aG==bG8=</base64></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><base64>====</base64></value>"), FaultCode.INVALID_PARAMS),
        Arguments.of(call("<value><nil>x</nil></value>"), FaultCode.INVALID_PARAMS));
  }

  static Stream<Arguments> malformedByChunk() {
    return malformed().flatMap(a -> Chunked.sizes().mapToObj(s -> Arguments.of(a.get()[0], a.get()[1], s)));
  }

  @ParameterizedTest(name = "[{2}] {0}")
  @MethodSource("malformedByChunk")
  void refuses(String xml, FaultCode code, int chunk) {
    ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> Chunked.decode(xml, chunk));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.faultCode()).isEqualTo(code);
    assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(120);
    assertThat(e.getStackTrace()).isEmpty();
  }

  @Test
  void doctypeHasItsOwnMessage() {
    ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> Chunked.decode(
        "<!DOCTYPE methodCall SYSTEM \"x.dtd\"><methodCall><methodName>m</methodName></methodCall>"));
    assertThat(e.getMessage()).isEqualTo("DOCTYPE is not allowed");
  }

  @Test
  void parseErrorsDoNotEchoInput() {
    ProtocolException e = catchThrowableOfType(ProtocolException.class,
        () -> Chunked.decode(call("<value><string>secret & card</string></value>")));
    assertThat(e.getMessage()).startsWith("malformed XML at line 1").doesNotContain("secret");
  }

  @Test
  void invalidUtf8IsAParseError() {
    byte[] prefix = call("<value><string>").getBytes(StandardCharsets.UTF_8);
    byte[] suffix = "</string></value></param></params></methodCall>".getBytes(StandardCharsets.UTF_8);
    for (byte[] bad : new byte[][] {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
      byte[] body = new byte[prefix.length + bad.length + suffix.length];
      System.arraycopy(prefix, 0, body, 0, prefix.length);
      System.arraycopy(bad, 0, body, prefix.length, bad.length);
      System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
      Chunked.sizes().forEach(chunk -> {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
            () -> Chunked.decode(body, chunk, CodecLimits.DEFAULTS));
        assertThat(e).as("bytes %s chunk %d", java.util.Arrays.toString(bad), chunk).isNotNull();
        assertThat(e.faultCode()).isEqualTo(FaultCode.PARSE_ERROR);
      });
    }
  }

  @Test
  void emptyBodyIsAParseError() {
    ProtocolException e = catchThrowableOfType(ProtocolException.class, () -> new XmlRpcRequestDecoder().end());
    assertThat(e.faultCode()).isEqualTo(FaultCode.PARSE_ERROR);
  }

  @Test
  void aDeadDecoderRethrows() throws Exception {
    XmlRpcRequestDecoder decoder = new XmlRpcRequestDecoder();
    byte[] bad = "<nope/>".getBytes(StandardCharsets.UTF_8);
    ProtocolException first = catchThrowableOfType(ProtocolException.class, () -> decoder.feed(bad, 0, bad.length));
    assertThat(catchThrowableOfType(ProtocolException.class, decoder::end)).isSameAs(first);
  }
}
