package net.fsgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.util.concurrent.TimeUnit;
import net.fsgateway.codec.XmlRpcResponseDecoder;
import net.fsgateway.support.RawHttp;
import net.fsgateway.support.TestGateway;
import net.fsgateway.xmlrpc.MethodResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code http.tls}: the gateway terminates TLS itself from PEM certificate and key files. */
@Timeout(60)
class TlsIT {
  private static final String LIST_METHODS =
      "<?xml version=\"1.0\"?><methodCall><methodName>system.listMethods</methodName></methodCall>";
  private static SelfSignedCertificate certificate;
  private static TestGateway gateway;
  private static Vertx clientVertx;

  @BeforeAll
  static void start() {
    certificate = SelfSignedCertificate.create("localhost");
    gateway = TestGateway.start(c -> c.withHttp(c.http().withTls(certificate.certificatePath(),
        certificate.privateKeyPath())));
    clientVertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    clientVertx.close().await(10, TimeUnit.SECONDS);
    gateway.close();
    certificate.delete();
  }

  @Test
  void listMethodsOverHttps() throws Exception {
    HttpClient client = clientVertx.createHttpClient(new HttpClientOptions().setSsl(true).setTrustAll(true)
        .setVerifyHost(false));
    Buffer body = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
            .setPort(gateway.port()).setURI("/RPC2").putHeader("Content-Type", "text/xml"))
        .compose(request -> request.send(LIST_METHODS))
        .compose(response -> {
          assertThat(response.statusCode()).isEqualTo(200);
          return response.body();
        })
        .await(20, TimeUnit.SECONDS);
    MethodResponse answer = XmlRpcResponseDecoder.decode(body);
    assertThat(answer).isInstanceOf(MethodResponse.Success.class);
    assertThat(body.toString()).contains("FS.SelfService.XMLRPC.agent_login");
  }

  @Test
  void plainHttpToTheTlsPortGetsNoXmlRpcAnswer() throws Exception {
    try (RawHttp http = new RawHttp(gateway.port())) {
      byte[] body = LIST_METHODS.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n").send(body);
      // a TLS server cannot read a plain request: it fails the handshake and closes, never answering HTTP
      assertThat(http.closedByServer()).isTrue();
    }
  }
}
