package net.fsgateway.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.buffer.Buffer;
import net.fsgateway.xmlrpc.FaultCode;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResponseDecoderTest {
  @Test
  void readsPrettyPrintedSuccessAndFault() throws Exception {
    assertThat(XmlRpcResponseDecoder.decode(Buffer.buffer(
        "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value>ok</value>\n</param>\n</params>\n"
            + "</methodResponse>\n"))).isEqualTo(MethodResponse.success(new XString("ok")));
    assertThat(XmlRpcResponseDecoder.decode(Buffer.buffer("<methodResponse><fault><value><struct>"
        + "<member><name>faultString</name><value>nope</value></member>"
        + "<member><name>faultCode</name><value><i4>4</i4></value></member>"
        + "</struct></value></fault></methodResponse>"))).isEqualTo(new MethodResponse.Fault(4, "nope"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<methodResponse/>",
      "<methodResponse><params/></methodResponse>",
      "<methodResponse><params><param/></params></methodResponse>",
      "<methodResponse><params><param><value>a</value></param><param><value>b</value></param></params>"
          + "</methodResponse>",
      "<methodResponse><params><param><value>a</value></param></params><fault/></methodResponse>",
      "<methodResponse><fault><value>x</value></fault></methodResponse>",
      "<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>99999999999</int>"
          + "</value></member><member><name>faultString</name><value/></member></struct></value></fault>"
          + "</methodResponse>",
      "<methodCall><methodName>m</methodName></methodCall>"})
  void refusesMalformedResponses(String xml) {
    ProtocolException e = catchThrowableOfType(ProtocolException.class,
        () -> XmlRpcResponseDecoder.decode(Buffer.buffer(xml)));
    assertThat(e).isNotNull();
    assertThat(e.faultCode()).isEqualTo(FaultCode.INVALID_REQUEST);
  }
}
