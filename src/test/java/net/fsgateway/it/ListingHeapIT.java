package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import net.fsgateway.support.GatewayProcess;
import net.fsgateway.support.TestData;
import net.fsgateway.support.TestReseller;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 10,000 customers listed in one answer by a gateway whose heap is capped at {@value #HEAP_MB} MiB (a child JVM):
 * the whole list held in memory would not fit (about 35 members per customer), a streamed one does. The child's GC
 * log gives the heap after each collection; the largest is printed and written to target/listing-heap.txt.
 */
@Timeout(300)
class ListingHeapIT {
  static final int HEAP_MB = 64;
  private static final int CUSTOMERS = 10_000;
  private static long answerBytes;
  // Collections only: a G1 Remark or Cleanup pause reports the heap as it is, garbage included, not what survived.
  private static final Pattern AFTER_GC = Pattern.compile("Pause (?:Young|Full).*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  @Test
  void tenThousandCustomersListWithAFlatHeap() throws Exception {
    TestReseller reseller = TestReseller.create();
    TestData.update("INSERT INTO cust_main (agentnum, first, last, company, daytime, payby, paymask)"
        + " SELECT ?, 'First' || n, 'Last' || n, 'Company ' || n, '555-000-' || lpad(n::text, 4, '0'), 'CARD',"
        + " '411111xxxxxx1111' FROM generate_series(1, ?) n", reseller.agentnum(), CUSTOMERS);
    Path gcLog = Path.of("target", "listing-heap-gc.log").toAbsolutePath();
    Files.deleteIfExists(gcLog);
    try (GatewayProcess child = GatewayProcess.builder()
        .jvmOptions(List.of("-Xmx" + HEAP_MB + "m", "-Xlog:gc:file=" + gcLog))
        .env(Map.of("GW_DEPLOYMENT_EVENT_LOOPS", "1")).start().awaitReady(Duration.ofSeconds(90))) {
      int port = child.port();
      String session = login(port, reseller);
      long before = maxAfterGc(gcLog);
      int listed = streamAndCount(port, session);
      assertThat(listed).isEqualTo(CUSTOMERS);
      assertThat(child.alive()).as("the gateway survived the listing").isTrue();
      long after = maxAfterGc(gcLog);
      // Held whole, the answer (15 MB of XML, 350,000 values as Java objects) would not fit in the capped heap.
      assertThat(after).as("live heap after GC, MiB").isLessThan(HEAP_MB / 2);
      String figures = "10,000 customers listed by a gateway with -Xmx" + HEAP_MB + "m; heap after GC, max before"
          + " the listing " + before + " MiB, max over the whole run " + after + " MiB; answer " + answerBytes
          + " bytes (GC log " + gcLog + ")";
      System.out.println(figures);
      Files.writeString(Path.of("target", "listing-heap.txt"), figures + "\n");
    }
  }

  private static String login(int port, TestReseller reseller) throws Exception {
    XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
    config.setServerURL(new URL("http://127.0.0.1:" + port + "/RPC2"));
    XmlRpcClient client = new XmlRpcClient();
    client.setConfig(config);
    Map<?, ?> answer = (Map<?, ?>) client.execute("FS.SelfService.XMLRPC.agent_login",
        new Object[] {Map.of("username", reseller.username(), "password", reseller.password())});
    assertThat(answer.get("error")).isEqualTo("");
    return (String) answer.get("session_id");
  }

  /** Reads the answer as it arrives (never whole) and counts the customers' custnum members. */
  private static int streamAndCount(int port, String session) throws Exception {
    String body = "<?xml version=\"1.0\"?><methodCall><methodName>FS.SelfService.XMLRPC.agent_list_customers"
        + "</methodName><params><param><value><struct><member><name>session_id</name><value>" + session
        + "</value></member><member><name>prospect</name><value>1</value></member></struct></value></param>"
        + "</params></methodCall>";
    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/RPC2"))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    int custnums = 0;
    boolean complete = false;
    try (InputStream in = new java.io.FilterInputStream(response.body()) {
      @Override
      public int read() throws java.io.IOException {
        int b = super.read();
        answerBytes += b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
        int n = super.read(buffer, offset, length);
        answerBytes += Math.max(n, 0);
        return n;
      }
    }) {
      XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("name")
            && xml.getElementText().equals("custnum")) {
          custnums++;
        } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("methodResponse")) {
          complete = true;
        }
      }
    }
    assertThat(complete).as("a complete methodResponse").isTrue();
    return custnums;
  }

  private static long maxAfterGc(Path gcLog) throws Exception {
    if (!Files.exists(gcLog)) {
      return 0;
    }
    long max = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = AFTER_GC.matcher(line);
      if (m.find()) {
        max = Math.max(max, Long.parseLong(m.group(2)));
      }
    }
    return max;
  }
}
