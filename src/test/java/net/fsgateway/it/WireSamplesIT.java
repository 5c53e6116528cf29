package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import net.fsgateway.codec.XmlRpcResponseDecoder;
import net.fsgateway.support.RawHttp;
import net.fsgateway.support.TestGateway;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XString;
import net.fsgateway.xmlrpc.XStruct;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every captured client request (Perl, PHP, Python), replayed byte for byte over a socket: each is read as a
 * reseller call and answered with Freeside's session error (the captured session id is not a live one), never a
 * fault — a fault would mean the request itself was misread.
 */
@Timeout(60)
class WireSamplesIT {
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static Stream<String> samples() {
    return Stream.of("perl-frontier-client", "perl-frontier-nonascii", "perl-rpc-xml", "perl-xmlrpc-lite",
        "php-xmlrpc", "php-xmlrpc-nonascii", "python-xmlrpc-client");
  }

  @ParameterizedTest
  @MethodSource("samples")
  void capturedRequestIsReadAndAnsweredAsAResellerCall(String sample) throws Exception {
    byte[] request = resource("/wire-samples/" + sample + ".http");
    try (RawHttp http = new RawHttp(gateway.port())) {
      RawHttp.Response response = http.send(request).read();
      assertThat(response.status()).isEqualTo(200);
      MethodResponse answer = XmlRpcResponseDecoder.decode(Buffer.buffer(response.decodedBody()));
      assertThat(answer).isInstanceOf(MethodResponse.Success.class);
      XStruct struct = (XStruct) ((MethodResponse.Success) answer).value();
      assertThat(struct.get("error")).isEqualTo(XString.of("Can't resume session"));
    }
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = WireSamplesIT.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }
}
