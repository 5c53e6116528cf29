package net.fsgateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.fsgateway.codec.XmlRpcRequestWriter;
import net.fsgateway.support.RawHttp;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.XStruct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The access log over real HTTP: one line per call with method, agent number, outcome, duration, client and request
 * id; the caller's X-Request-Id echoed when sane and replaced when not; the JSON form carries the same fields.
 */
@Timeout(60)
class AccessLogIT {
  private final Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private TestGateway gateway;

  @BeforeEach
  void start() {
    captured.start();
    access.addAppender(captured);
    gateway = TestGateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
    access.detachAppender(captured);
  }

  @Test
  void oneLinePerCallWithTheCallersRequestIdEchoed() throws Exception {
    TestReseller reseller = TestReseller.create();
    String session = reseller.login(gateway);
    RawHttp.Response response = post("check_username", XStruct.builder().put("session_id", session)
        .put("username", "someone").put("domain", reseller.privateDomain()).build(), "rq-42.a:b");

    assertThat(response.header(RequestIds.HEADER)).isEqualTo("rq-42.a:b");
    ILoggingEvent line = lineFor("rq-42.a:b");
    assertThat(line.getFormattedMessage()).startsWith("check_username agent=" + reseller.agentnum() + " outcome=ok ms=")
        .endsWith(" client=127.0.0.1 request_id=rq-42.a:b");
    assertThat(line.getFormattedMessage()).matches(".* ms=[0-9]+\\.[0-9]{2} client=.*");
    assertThat(line.getKeyValuePairs()).as("plain text has no use for key-value pairs").isNullOrEmpty();
  }

  @Test
  void aMissingOrUnsafeRequestIdIsReplacedByAGeneratedOne() throws Exception {
    String forged = "x\u0000y request_id=evil";
    RawHttp.Response response = post("agent_info", XStruct.builder().put("session_id", "nope").build(),
        forged.replace("\u0000", ""));
    String generated = response.header(RequestIds.HEADER);
    assertThat(generated).matches("[0-9a-f]{16}");
    assertThat(lineFor(generated).getFormattedMessage()).contains("agent_info agent=- outcome=bad_session")
        .doesNotContain("evil");
    RawHttp.Response none = post("no_such_method", XStruct.builder().build(), null);
    assertThat(lineFor(none.header(RequestIds.HEADER)).getFormattedMessage()).startsWith("other agent=- outcome=fault_-32601");
  }

  @Test
  void theJsonFormHasTheSameFields() throws Exception {
    AccessLog.keyValues(true); // what LogSetup does with log.format=json
    RawHttp.Response response;
    try {
      response = post("check_username", XStruct.builder().put("session_id", "nope")
          .put("username", "a").put("domain", "b").build(), "json-1");
    } finally {
      AccessLog.keyValues(false);
    }
    ILoggingEvent line = lineFor(response.header(RequestIds.HEADER));
    assertThat(kvp(line)).containsEntry("method", "check_username").containsEntry("outcome", "bad_session")
        .containsEntry("agent", "-").containsEntry("client", "127.0.0.1").containsKey("duration_ms");
    byte[] encoded = LogSetup.jsonEncoder((LoggerContext) LoggerFactory.getILoggerFactory()).encode(line);
    JsonObject json = new JsonObject(new String(encoded, StandardCharsets.UTF_8).trim());
    assertThat(json.getString("loggerName")).isEqualTo(AccessLog.LOGGER);
    assertThat(json.getString("formattedMessage")).contains("check_username agent=- outcome=bad_session");
    assertThat(json.getJsonArray("kvpList").encode()).contains("\"method\":\"check_username\"",
        "\"request_id\":\"json-1\"", "\"outcome\":\"bad_session\"");
  }

  private RawHttp.Response post(String method, XStruct params, String requestId) throws Exception {
    byte[] body = XmlRpcRequestWriter.write(new MethodCall("FS.SelfService.XMLRPC." + method, List.of(params)))
        .getBytes();
    String head = "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: " + body.length + "\r\n"
        + (requestId == null ? "" : RequestIds.HEADER + ": " + requestId + "\r\n") + "\r\n";
    try (RawHttp raw = new RawHttp(gateway.port())) {
      return raw.send(head).send(body).read();
    }
  }

  private ILoggingEvent lineFor(String requestId) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      for (ILoggingEvent event : new ArrayList<>(captured.list)) {
        if (event.getFormattedMessage().endsWith("request_id=" + requestId)) {
          return event;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no access line for " + requestId + " in " + captured.list);
  }

  private static Map<String, String> kvp(ILoggingEvent event) {
    Map<String, String> pairs = new java.util.HashMap<>();
    event.getKeyValuePairs().forEach(pair -> pairs.put(pair.key, String.valueOf(pair.value)));
    return pairs;
  }
}
