package net.fsgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.fsgateway.support.RawHttp;
import net.fsgateway.support.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP side of the wire contract, over raw sockets so every framing detail is the test's own. */
@Timeout(60)
class HttpTransportIT {
  private static final String LIST_METHODS =
      "<?xml version=\"1.0\"?><methodCall><methodName>system.listMethods</methodName></methodCall>";
  private static final String LIST_METHODS_ENTRY = "<value><struct><member><name>methodName</name>"
      + "<value>system.listMethods</value></member><member><name>params</name><value><array><data/></array>"
      + "</value></member></struct></value>";
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void everyPathAnswersPostWithContentLengthAndTextXml() throws IOException {
    for (String path : new String[] {"/", "/RPC2", "/selfservice/xmlrpc.cgi"}) {
      RawHttp.Response response = post(path, "HTTP/1.1", LIST_METHODS, "Connection: close\r\n");
      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.header("Content-Type")).startsWith("text/xml");
      assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(response.body().length));
      assertThat(response.text()).contains("FS.SelfService.XMLRPC.agent_login");
    }
  }

  @Test
  void otherVerbsOnTheXmlRpcPathsAre405() throws IOException {
    for (String verb : new String[] {"GET", "PUT", "DELETE"}) {
      try (RawHttp http = new RawHttp(gateway.port())) {
        RawHttp.Response response = http.send(verb + " /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").read();
        assertThat(response.status()).as(verb).isEqualTo(405);
      }
    }
  }

  @Test
  void otherVerbsAre405WithAllowPostAndOtherPaths404() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      RawHttp.Response response = http.send("OPTIONS /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").read();
      assertThat(response.status()).isEqualTo(405);
      assertThat(response.header("Allow")).isEqualTo("POST");
    }
    for (String path : new String[] {"/rpc2", "/RPC3", "/selfservice", "/health"}) {
      RawHttp.Response response = post(path, "HTTP/1.1", LIST_METHODS, "Connection: close\r\n");
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.text()).as(path).doesNotContain("methodResponse");
    }
  }

  @Test
  void pathsMatchNormalizedWithOneTrailingSlash() throws IOException {
    for (String path : new String[] {"/RPC2/", "/./RPC2", "/x/../RPC2", "/%52PC2", "/RPC2?x=1", "/selfservice/xmlrpc.cgi/"}) {
      RawHttp.Response response = post(path, "HTTP/1.1", LIST_METHODS, "Connection: close\r\n");
      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.text()).as(path).contains("agent_login");
    }
  }

  @Test
  void http11WithoutHostIs400() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      byte[] body = LIST_METHODS.getBytes(StandardCharsets.UTF_8);
      RawHttp.Response response = http.send("POST /RPC2 HTTP/1.1\r\nContent-Length: " + body.length + "\r\n\r\n")
          .send(body).read();
      assertThat(response.status()).isEqualTo(400);
    }
  }

  @Test
  void http10IsAnsweredAndClosed() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      byte[] body = LIST_METHODS.getBytes(StandardCharsets.UTF_8);
      RawHttp.Response response = http.send("POST /RPC2 HTTP/1.0\r\nContent-Type: text/xml\r\nContent-Length: "
          + body.length + "\r\n\r\n").send(body).read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.head()).startsWith("HTTP/1.0 200");
      assertThat(response.text()).contains("system.multicall");
      assertThat(http.closedByServer()).isTrue();
    }
  }

  @Test
  void keepAliveServesSeveralCallsOnOneConnection() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      byte[] body = LIST_METHODS.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 3; i++) {
        RawHttp.Response response = http.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: "
            + body.length + "\r\n\r\n").send(body).read();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("agent_login");
      }
    }
  }

  @Test
  void chunkedUploadIsDecodedAsItArrives() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: text/xml\r\n\r\n");
      byte[] body = LIST_METHODS.getBytes(StandardCharsets.UTF_8);
      for (int offset = 0; offset < body.length; offset += 7) {
        int n = Math.min(7, body.length - offset);
        http.send(Integer.toHexString(n) + "\r\n").send(java.util.Arrays.copyOfRange(body, offset, offset + n)).send("\r\n");
      }
      RawHttp.Response response = http.send("0\r\n\r\n").read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.text()).contains("check_username");
    }
  }

  @Test
  void gzipRequestBodiesAreInflatedAndGzipAnswersGivenWhenAsked() throws IOException {
    String listTwice = "<?xml version=\"1.0\"?><methodCall><methodName>system.multicall</methodName><params><param>"
        + "<value><array><data>" + LIST_METHODS_ENTRY + LIST_METHODS_ENTRY + "</data></array></value></param></params>"
        + "</methodCall>";
    byte[] gz = gzip(listTwice.getBytes(StandardCharsets.UTF_8));
    try (RawHttp http = new RawHttp(gateway.port())) {
      http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nAccept-Encoding: gzip\r\n"
          + "Content-Type: text/xml\r\nContent-Length: " + gz.length + "\r\n\r\n").send(gz);
      RawHttp.Response response = http.read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
      String xml = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(xml).contains("system.getCapabilities");
    }
  }

  @Test
  void smallAnswersAndAnswersToClientsRefusingCompressionGoAsTheyAreAndDeflateIsAnswered() throws IOException {
    String small = "<?xml version=\"1.0\"?><methodCall><methodName>no.such.method</methodName></methodCall>";
    String large = "<?xml version=\"1.0\"?><methodCall><methodName>system.multicall</methodName><params><param>"
        + "<value><array><data>" + LIST_METHODS_ENTRY + LIST_METHODS_ENTRY + "</data></array></value></param></params>"
        + "</methodCall>";
    try (RawHttp http = new RawHttp(gateway.port())) {
      http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nContent-Type: text/xml\r\nContent-Length: "
          + small.length() + "\r\n\r\n" + small);
      RawHttp.Response answer = http.read();
      assertThat(answer.header("Content-Encoding")).isNull();
      assertThat(answer.text()).contains("faultCode");

      http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=0, identity\r\nContent-Type: text/xml\r\n"
          + "Content-Length: " + large.length() + "\r\n\r\n" + large);
      answer = http.read();
      assertThat(answer.header("Content-Encoding")).isNull();
      assertThat(answer.body().length).isGreaterThanOrEqualTo(AnswerCompression.THRESHOLD_BYTES);
      assertThat(answer.text()).contains("system.getCapabilities");

      // Perl's RPC::XML asks for deflate only
      http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nAccept-Encoding: deflate\r\nContent-Type: text/xml\r\n"
          + "Content-Length: " + large.length() + "\r\n\r\n" + large);
      answer = http.read();
      assertThat(answer.header("Content-Encoding")).isEqualTo("deflate");
      assertThat(new String(answer.decodedBody(), StandardCharsets.UTF_8)).contains("system.getCapabilities");
    }
  }

  @Test
  void declaredOversizedBodyIs413BeforeItIsRead() throws IOException {
    try (RawHttp http = new RawHttp(gateway.port())) {
      http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 67108864\r\n\r\n<?xml");
      RawHttp.Response response = http.read();
      assertThat(response.status()).isEqualTo(413);
      assertThat(http.closedByServer()).isTrue();
    }
  }

  @Test
  void aCorruptOrTruncatedCompressedBodyIsAParseFault() throws IOException {
    byte[] gz = gzip("<?xml version=\"1.0\"?><methodCall><methodName>system.listMethods</methodName></methodCall>"
        .getBytes(StandardCharsets.UTF_8));
    Map<String, byte[]> bodies = Map.of(
        "gzip", java.util.Arrays.copyOf(gz, gz.length - 4), // truncated
        "deflate", "<?xml version=\"1.0\"?><methodCall/>".getBytes(StandardCharsets.UTF_8)); // not compressed at all
    for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
      try (RawHttp http = new RawHttp(gateway.port())) {
        http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Encoding: " + body.getKey() + "\r\nContent-Type: text/xml\r\n"
            + "Content-Length: " + body.getValue().length + "\r\n\r\n").send(body.getValue());
        RawHttp.Response response = http.read();
        assertThat(response.status()).as(body.getKey()).isEqualTo(200);
        assertThat(response.text()).as(body.getKey()).contains("<int>-32700</int>")
            .contains("not valid gzip or deflate data");
      }
    }
  }

  @Test
  void gzipBombStopsAtTheBodyLimit() throws IOException {
    ByteArrayOutputStream inflated = new ByteArrayOutputStream();
    inflated.writeBytes("<?xml version=\"1.0\"?><methodCall>".getBytes(StandardCharsets.UTF_8));
    byte[] spaces = new byte[1 << 20];
    java.util.Arrays.fill(spaces, (byte) ' '); // whitespace between elements: only the body limit can stop it
    for (int i = 0; i < 8; i++) {
      inflated.writeBytes(spaces);
    }
    byte[] bomb = gzip(inflated.toByteArray());
    try (RawHttp http = new RawHttp(gateway.port())) {
      http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Encoding: gzip\r\nContent-Type: text/xml\r\nContent-Length: "
          + bomb.length + "\r\n\r\n").send(bomb);
      assertThat(http.read().status()).isEqualTo(413);
    }
  }

  @Test
  void malformedXmlIsAParseFaultWithStatus200() throws IOException {
    RawHttp.Response response = post("/RPC2", "HTTP/1.1", "<methodCall><methodName>x</methodCall>", "Connection: close\r\n");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).contains("<name>faultCode</name><value><int>-32700</int>");
  }

  @Test
  void anyContentTypeIsAccepted() throws IOException {
    RawHttp.Response response = post("/RPC2", "HTTP/1.1", LIST_METHODS,
        "Connection: close\r\nContent-Type: application/x-www-form-urlencoded\r\n");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).contains("agent_logout");
  }

  private static RawHttp.Response post(String path, String version, String xml, String extraHeaders) throws IOException {
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    try (RawHttp http = new RawHttp(gateway.port())) {
      return http.send("POST " + path + " " + version + "\r\nHost: x\r\n" + extraHeaders + "Content-Length: "
          + body.length + "\r\n\r\n").send(body).read();
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
