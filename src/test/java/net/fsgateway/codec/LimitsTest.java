package net.fsgateway.codec;

import static net.fsgateway.codec.Chunked.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each limit: exactly at it passes, one over is refused with the documented code, whatever the chunking. */
class LimitsTest {
  private static final int N = 5;

  private static void atAndOver(CodecLimits limits, IntFunction<String> body, FaultCode code, int chunk)
      throws Exception {
    MethodCall ok = Chunked.decode(body.apply(N).getBytes(StandardCharsets.UTF_8), chunk, limits);
    assertThat(ok.methodName()).isNotEmpty();
    ProtocolException e = catchThrowableOfType(ProtocolException.class,
        () -> Chunked.decode(body.apply(N + 1).getBytes(StandardCharsets.UTF_8), chunk, limits));
    assertThat(e).isNotNull();
    assertThat(e.faultCode()).isEqualTo(code);
  }

  private static String nested(int depth) {
    return "<value><array><data>".repeat(depth - 1) + "<value><struct></struct></value>"
        + "</data></array></value>".repeat(depth - 1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 64, 0})
  void depth(int chunk) throws Exception {
    atAndOver(CodecLimits.DEFAULTS.withMaxDepth(N), n -> call(nested(n)), FaultCode.INVALID_REQUEST, chunk);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 64, 0})
  void structMembers(int chunk) throws Exception {
    atAndOver(CodecLimits.DEFAULTS.withMaxStructMembers(N),
        n -> call("<value><struct>" + "<member><name>a</name><value/></member>".repeat(n) + "</struct></value>"),
        FaultCode.INVALID_REQUEST, chunk);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 64, 0})
  void arrayItems(int chunk) throws Exception {
    atAndOver(CodecLimits.DEFAULTS.withMaxArrayItems(N),
        n -> call("<value><array><data>" + "<value>x</value>".repeat(n) + "</data></array></value>"),
        FaultCode.INVALID_REQUEST, chunk);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 64, 0})
  void stringChars(int chunk) throws Exception {
    CodecLimits limits = CodecLimits.DEFAULTS.withMaxStringChars(N);
    atAndOver(limits, n -> call("<value><string>" + "&#233;".repeat(n) + "</string></value>"),
        FaultCode.INVALID_REQUEST, chunk);
    atAndOver(limits, n -> call("<value>" + "x".repeat(n) + "</value>"), FaultCode.INVALID_REQUEST, chunk);
    atAndOver(limits, n -> call("<value><struct><member><name>" + "n".repeat(n) + "</name><value/></member>"
        + "</struct></value>"), FaultCode.INVALID_REQUEST, chunk);
    atAndOver(limits, n -> call("<value><i4>" + "1".repeat(n) + "</i4></value>"), FaultCode.INVALID_REQUEST, chunk);
    atAndOver(limits, n -> call("<value><string><![CDATA[" + "<".repeat(n) + "]]></string></value>"),
        FaultCode.INVALID_REQUEST, chunk);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 64, 0})
  void params(int chunk) throws Exception {
    atAndOver(CodecLimits.DEFAULTS.withMaxParams(N),
        n -> "<methodCall><methodName>m</methodName><params>" + "<param><value/></param>".repeat(n)
            + "</params></methodCall>", FaultCode.INVALID_REQUEST, chunk);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 64, 0})
  void methodNameChars(int chunk) throws Exception {
    atAndOver(CodecLimits.DEFAULTS.withMaxMethodNameChars(N),
        n -> "<methodCall><methodName>" + "m".repeat(n) + "</methodName></methodCall>",
        FaultCode.INVALID_REQUEST, chunk);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 64, 0})
  void bodyBytes(int chunk) throws Exception {
    byte[] body = call("<value>x</value>").getBytes(StandardCharsets.UTF_8);
    assertThat(Chunked.decode(body, chunk, CodecLimits.DEFAULTS.withMaxBodyBytes(body.length)).params()).hasSize(1);
    BodyTooLargeException e = catchThrowableOfType(BodyTooLargeException.class,
        () -> Chunked.decode(body, chunk, CodecLimits.DEFAULTS.withMaxBodyBytes(body.length - 1)));
    assertThat(e.limit()).isEqualTo(body.length - 1);
    assertThat(e.faultCode()).isEqualTo(FaultCode.INVALID_REQUEST);
  }

  @Test
  void bodyLimitTripsAtTheFirstByteOverBeforeParsing() throws Exception {
    XmlRpcRequestDecoder decoder = new XmlRpcRequestDecoder(CodecLimits.DEFAULTS.withMaxBodyBytes(3));
    decoder.feed(new byte[] {'<', '?', 'x'}, 0, 3);
    assertThatThrownBy(() -> decoder.feed(new byte[] {'<'}, 0, 1)).isInstanceOf(BodyTooLargeException.class);
  }

  @Test
  void defaultsAndValidation() {
    assertThat(CodecLimits.DEFAULTS).isEqualTo(new CodecLimits(1 << 20, 32, 1024, 10_000, 65_536, 64, 256));
    assertThatThrownBy(() -> CodecLimits.DEFAULTS.withMaxDepth(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CodecLimits(-1, 1, 1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
