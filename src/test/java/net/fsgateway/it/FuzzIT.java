package net.fsgateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.fsgateway.codec.XmlRpcResponseDecoder;
import net.fsgateway.support.RawHttp;
import net.fsgateway.support.TestGateway;
import net.fsgateway.xmlrpc.MethodResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Thousands of seeded random mutations of valid calls over keep-alive connections (raw sockets, so every
 * framing detail and every hang is the server's, not a client library's): every answer is a 200 with a
 * well-formed {@code methodResponse} or a 4xx with a body, never a 5xx; nothing is logged at WARN or above with a
 * stack trace; the gateway still serves afterwards. A failure names the case index, so it replays from the seed.
 */
@Timeout(120)
class FuzzIT {
  private static final long SEED = 0x5EC_F022L;
  private static final int CASES = 5_000;
  private static final int CONNECTIONS = 8;
  private static final String[] SAMPLES = {"perl-frontier-client", "perl-frontier-nonascii", "perl-rpc-xml",
      "perl-xmlrpc-lite", "php-xmlrpc", "php-xmlrpc-nonascii", "python-xmlrpc-client"};
  private static final String[] SYSTEM_CALLS = {
      "<?xml version=\"1.0\"?><methodCall><methodName>system.listMethods</methodName><params/></methodCall>",
      "<methodCall><methodName>system.methodHelp</methodName><params><param><value><string>agent_login</string>"
          + "</value></param></params></methodCall>",
      "<methodCall><methodName>system.methodSignature</methodName><params><param><value>check_username</value>"
          + "</param></params></methodCall>",
      "<methodCall><methodName>system.multicall</methodName><params><param><value><array><data><value><struct>"
          + "<member><name>methodName</name><value>system.getCapabilities</value></member><member><name>params"
          + "</name><value><array><data/></array></value></member></struct></value></data></array></value>"
          + "</param></params></methodCall>",
      "<methodCall><methodName>system.methodHelp</methodName><params><param><value><struct><member><name>i</name>"
          + "<value><i4>42</i4></value></member><member><name>d</name><value><double>-1.5e3</double></value>"
          + "</member><member><name>t</name><value><dateTime.iso8601>20240102T03:04:05</dateTime.iso8601>"
          + "</value></member><member><name>b</name><value><base64>QUJD</base64></value></member>"
          + "<member><name>n</name><value><nil/></value></member><member><name>x</name><value><boolean>1"
          + "</boolean></value></member></struct></value></param></params></methodCall>"};

  @Test
  void mutatedCallsGetFaultsOr4xxNeverA5xxOrAStackTrace() throws Exception {
    List<byte[]> seeds = seeds();
    Mutator mutator = new Mutator(SEED);
    Queue<String> problems = new ConcurrentLinkedQueue<>();
    List<byte[]> bodies = new ArrayList<>(CASES);
    for (int i = 0; i < CASES; i++) {
      bodies.add(mutator.mutate(seeds.get(i % seeds.size())));
    }
    ListAppender<ILoggingEvent> logged = captureLogs();
    ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS);
    try (TestGateway gateway = TestGateway.start()) {
      long started = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < CONNECTIONS; w++) {
        int worker = w;
        done.add(workers.submit(() -> sendEvery(gateway.port(), bodies, worker, problems)));
      }
      for (Future<?> f : done) {
        f.get(90, TimeUnit.SECONDS);
      }
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(60);
      assertThat(problems).isEmpty();

      try (RawHttp http = new RawHttp(gateway.port())) {
        RawHttp.Response after = post(http, SYSTEM_CALLS[0].getBytes(StandardCharsets.UTF_8));
        assertThat(XmlRpcResponseDecoder.decode(Buffer.buffer(after.body()))).isInstanceOf(MethodResponse.Success.class);
      }
    } finally {
      workers.shutdownNow();
      root().detachAppender(logged);
    }
    assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN) && e.getThrowableProxy() != null)
        .as("WARN/ERROR events with a stack trace").isEmpty();
    assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR).as("ERROR events").isEmpty();
  }

  /** Worker {@code worker}'s share of the cases, in order, over one keep-alive connection (a new one after a close). */
  private static Void sendEvery(int port, List<byte[]> bodies, int worker, Queue<String> problems) throws IOException {
    RawHttp http = null;
    try {
      for (int i = worker; i < bodies.size(); i += CONNECTIONS) {
        if (http == null) {
          http = new RawHttp(port);
        }
        try {
          RawHttp.Response response = post(http, bodies.get(i));
          check(i, response, problems);
          if ("close".equalsIgnoreCase(response.header("Connection"))) {
            http.close();
            http = null;
          }
        } catch (IOException e) {
          problems.add("case " + i + ": " + e);
          http.close();
          http = null;
        }
      }
    } finally {
      if (http != null) {
        http.close();
      }
    }
    return null;
  }

  private static RawHttp.Response post(RawHttp http, byte[] body) throws IOException {
    return http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: " + body.length
        + "\r\n\r\n").send(body).read();
  }

  private static void check(int index, RawHttp.Response answer, Queue<String> problems) {
    if (answer.status() == 200) {
      try {
        MethodResponse response = XmlRpcResponseDecoder.decode(Buffer.buffer(answer.body()));
        if (response instanceof MethodResponse.Fault fault && (fault.code() > -32000 || fault.code() < -32768)) {
          problems.add("case " + index + ": fault code outside the protocol range: " + fault.code());
        }
      } catch (Exception e) {
        problems.add("case " + index + ": 200 without a parseable methodResponse: " + answer.text());
      }
    } else if (answer.status() < 400 || answer.status() >= 500 || answer.body().length == 0) {
      problems.add("case " + index + ": " + answer.head() + answer.text());
    }
  }

  private static List<byte[]> seeds() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (String name : SAMPLES) {
      try (InputStream in = FuzzIT.class.getResourceAsStream("/wire-samples/" + name + ".http")) {
        String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        int split = raw.indexOf("\r\n\r\n");
        seeds.add(raw.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    for (String call : SYSTEM_CALLS) {
      seeds.add(call.getBytes(StandardCharsets.UTF_8));
    }
    return seeds;
  }

  private static ListAppender<ILoggingEvent> captureLogs() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    appender.start();
    root().addAppender(appender);
    return appender;
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
