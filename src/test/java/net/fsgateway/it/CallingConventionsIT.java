package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import net.fsgateway.config.CompatConfig;
import net.fsgateway.support.TestData;
import net.fsgateway.support.RawHttp;
import net.fsgateway.support.TestGateway;
import net.fsgateway.support.TestReseller;
import org.apache.xmlrpc.XmlRpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Freeside's calling conventions and wire types: one struct or a flat name/value list on every prefix, every
 * scalar of an answer a {@code <string>}, an undefined value an empty {@code <value/>}; typed answers only with
 * {@code compat.typedAnswers}.
 */
@Timeout(60)
class CallingConventionsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestGateway gateway;
  private static TestReseller reseller;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    reseller = TestReseller.create();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"FS.SelfService.XMLRPC.", "FS.ClientAPI_XMLRPC.", ""})
  void flatListsAndStructsWorkOnEveryPrefix(String prefix) throws Exception {
    Map<?, ?> login = (Map<?, ?>) gateway.client().execute(prefix + "agent_login",
        new Object[] {"username", reseller.username(), "password", reseller.password()});
    assertThat(login.get("error")).isEqualTo("");
    String session = (String) login.get("session_id");
    Map<?, ?> flat = (Map<?, ?>) gateway.client().execute(prefix + "check_username",
        new Object[] {"session_id", session, "username", TestData.unique("free"), "domain", reseller.privateDomain()});
    Map<?, ?> struct = (Map<?, ?>) gateway.client().execute(prefix + "check_username",
        new Object[] {Map.of("session_id", session, "username", TestData.unique("free"),
            "domain", reseller.privateDomain())});
    assertThat(flat).isEqualTo(Map.of("error", "", "available", "1")).isEqualTo(struct);
    Map<?, ?> info = (Map<?, ?>) gateway.client().execute(prefix + "agent_info", new Object[] {"session_id", session});
    assertThat(info.get("agentnum")).isEqualTo(String.valueOf(reseller.agentnum()));
  }

  @Test
  void aFlatListKeepsTheLastValueOfARepeatedNameAndNoParamsIsAnEmptyStruct() throws Exception {
    Map<?, ?> login = (Map<?, ?>) gateway.client().execute("FS.ClientAPI_XMLRPC.agent_login",
        new Object[] {"username", reseller.username(), "password", "wrong", "password", reseller.password()});
    assertThat(login.get("error")).isEqualTo("");
    assertThat(((Map<?, ?>) gateway.client().execute("agent_login", new Object[0])).get("error"))
        .isEqualTo("Must specify your reseller username and password.");
    assertThat(((Map<?, ?>) gateway.client().execute("agent_info", new Object[0])).get("error"))
        .isEqualTo("Can't resume session");
  }

  @Test
  void anOddListOrANameThatIsNoScalarIsAnInvalidParamsFault() {
    assertFault("agent_login", new Object[] {"username", reseller.username(), "password"}, "odd number of params");
    assertFault("agent_login", new Object[] {Map.of("a", "b"), "x"}, "got 2 (struct, string)");
    assertFault("FS.ClientAPI_XMLRPC.agent_login", new Object[] {"username", "u", new Object[] {"x"}, "y"},
        "param 3 (a name) is a array");
  }

  @Test
  void everyScalarOfAnAnswerIsAStringAndUndefinedIsAnEmptyValue() throws Exception {
    String session = reseller.login(gateway);
    long custnum = TestData.customer(reseller.agentnum(), "Una", "Typed", "");
    String check = post("check_username", "<param><value><struct>" + member("session_id", session)
        + member("username", TestData.unique("u")) + member("domain", reseller.privateDomain())
        + "</struct></value></param>");
    assertThat(check).contains("<name>available</name><value><string>1</string></value>").doesNotContain("<int>");
    String listing = post("agent_list_customers", "<param><value><string>session_id</string></value></param>"
        + "<param><value><string>" + session + "</string></value></param>"
        + "<param><value><string>search</string></value></param>"
        + "<param><value><string>" + custnum + "</string></value></param>");
    assertThat(listing).contains("<name>custnum</name><value><string>" + custnum + "</string></value>")
        .contains("<name>paydate</name><value/>").doesNotContain("<int>").doesNotContain("<nil/>");
  }

  @Test
  void aStreamedListingIsGzippedWhenAsked() throws Exception {
    String session = reseller.login(gateway);
    for (int i = 0; i < 50; i++) {
      TestData.customer(reseller.agentnum(), "Zip" + i, "Gzipped", "");
    }
    String body = "<?xml version=\"1.0\"?><methodCall><methodName>agent_list_customers</methodName><params>"
        + "<param><value>session_id</value></param><param><value>" + session + "</value></param>"
        + "<param><value>search</value></param><param><value>gzipped</value></param></params></methodCall>";
    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/RPC2")))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
    String xml = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(xml.split("<name>custnum</name>", -1)).hasSize(51);
    assertThat(xml).endsWith("</methodResponse>");
  }

  @Test
  void anHttp10ClientGetsTheStreamedListingWhole() throws Exception {
    String session = reseller.login(gateway);
    long custnum = TestData.customer(reseller.agentnum(), "Old", "Protocol", "");
    String body = "<?xml version=\"1.0\"?><methodCall><methodName>agent_list_customers</methodName><params>"
        + "<param><value>session_id</value></param><param><value>" + session + "</value></param>"
        + "<param><value>search</value></param><param><value>protocol</value></param></params></methodCall>";
    try (RawHttp http = new RawHttp(gateway.port())) {
      RawHttp.Response response = http.send("POST /RPC2 HTTP/1.0\r\nContent-Length: " + body.length() + "\r\n\r\n"
          + body).read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("Transfer-Encoding")).isNull();
      assertThat(response.text()).contains("<name>custnum</name><value><string>" + custnum + "</string></value>")
          .endsWith("</methodResponse>");
    }
  }

  @Test
  void typedAnswersAreASetting() throws Exception {
    try (TestGateway typed = TestGateway.start(c -> c.withCompat(new CompatConfig(true)))) {
      String session = reseller.login(typed);
      Map<String, Object> info = typed.call("agent_info", Map.of("session_id", session));
      assertThat(info.get("agentnum")).isEqualTo((int) reseller.agentnum());
      assertThat(info.get("num_prospect")).isInstanceOf(Integer.class);
      // signup_info types its answer itself before keeping it: the second call is the kept answer.
      for (int call = 0; call < 2; call++) {
        assertThat(firstTaxnum(typed, session)).as("call %d", call).isInstanceOf(Integer.class);
      }
    }
    String session = reseller.login(gateway);
    for (int call = 0; call < 2; call++) {
      assertThat(firstTaxnum(gateway, session)).as("Freeside's typing, call %d", call).isInstanceOf(String.class);
    }
  }

  private static Object firstTaxnum(TestGateway target, String session) throws Exception {
    Object[] locations = (Object[]) target.call("signup_info", Map.of("session_id", session)).get("cust_main_county");
    return ((Map<?, ?>) locations[0]).get("taxnum");
  }

  private static void assertFault(String method, Object[] params, String text) {
    assertThatThrownBy(() -> gateway.client().execute(method, params))
        .isInstanceOfSatisfying(XmlRpcException.class, e -> {
          assertThat(e.code).isEqualTo(-32602);
          assertThat(e.getMessage()).contains(text);
        });
  }

  private static String member(String name, String value) {
    return "<member><name>" + name + "</name><value><string>" + value + "</string></value></member>";
  }

  private static String post(String method, String params) throws Exception {
    String body = "<?xml version=\"1.0\"?><methodCall><methodName>FS.SelfService.XMLRPC." + method
        + "</methodName><params>" + params + "</params></methodCall>";
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/RPC2")))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/xml").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
