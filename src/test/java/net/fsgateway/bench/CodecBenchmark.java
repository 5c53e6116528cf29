package net.fsgateway.bench;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.SAXParserFactory;
import net.fsgateway.codec.XmlRpcRequestDecoder;
import net.fsgateway.codec.XmlRpcResponseWriter;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XStruct;
import org.apache.xmlrpc.common.TypeFactory;
import org.apache.xmlrpc.common.XmlRpcHttpRequestConfigImpl;
import org.apache.xmlrpc.parser.XmlRpcRequestParser;
import org.apache.xmlrpc.serializer.DefaultXMLWriterFactory;
import org.apache.xmlrpc.serializer.XmlRpcWriter;
import org.apache.xmlrpc.server.XmlRpcServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * One new_customer round (Python client's body in, the result struct out) through this codec and through
 * Apache XML-RPC 3.1.3's server path ({@code XmlRpcStreamServer}: a namespace-aware SAX reader feeding
 * {@code XmlRpcRequestParser}, then {@code XmlRpcWriter} over {@code DefaultXMLWriterFactory}).
 *
 * <pre>
 * mvn -q -B test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.openjdk.jmh.Main CodecBenchmark -f 1 -wi 3 -i 5 -prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class CodecBenchmark {
  private static final XStruct RESULT = XStruct.builder().put("error", "").put("custnum", "1234")
      .put("signup_service", "svc_acct").put("svcnum", "5678").build();

  private Buffer body;
  private byte[] bodyBytes;
  private SAXParserFactory saxFactory;
  private TypeFactory typeFactory;
  private XmlRpcHttpRequestConfigImpl apacheConfig;
  private Map<String, Object> apacheResult;

  @Setup
  public void setUp() throws IOException {
    bodyBytes = pythonBody();
    body = Buffer.buffer(bodyBytes);
    saxFactory = SAXParserFactory.newInstance();
    saxFactory.setNamespaceAware(true);
    saxFactory.setValidating(false);
    typeFactory = new XmlRpcServer().getTypeFactory();
    apacheConfig = new XmlRpcHttpRequestConfigImpl();
    apacheResult = new LinkedHashMap<>();
    apacheResult.put("error", "");
    apacheResult.put("custnum", "1234");
    apacheResult.put("signup_service", "svc_acct");
    apacheResult.put("svcnum", "5678");
  }

  @Benchmark
  public Buffer fsgateway(Blackhole bh) throws Exception {
    XmlRpcRequestDecoder decoder = new XmlRpcRequestDecoder();
    decoder.feed(body);
    MethodCall call = decoder.end();
    bh.consume(call);
    return XmlRpcResponseWriter.write(MethodResponse.success(RESULT));
  }

  @Benchmark
  public byte[] apacheXmlRpc(Blackhole bh) throws Exception {
    XmlRpcRequestParser parser = new XmlRpcRequestParser(apacheConfig, typeFactory);
    XMLReader reader = saxFactory.newSAXParser().getXMLReader();
    reader.setContentHandler(parser);
    reader.parse(new InputSource(new ByteArrayInputStream(bodyBytes)));
    bh.consume(parser.getMethodName());
    bh.consume(parser.getParams());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XmlRpcWriter(apacheConfig, new DefaultXMLWriterFactory().getXmlWriter(apacheConfig, out), typeFactory)
        .write(apacheConfig, apacheResult);
    return out.toByteArray();
  }

  static byte[] pythonBody() throws IOException {
    try (InputStream in = CodecBenchmark.class.getResourceAsStream("/wire-samples/python-xmlrpc-client.http")) {
      byte[] all = in.readAllBytes();
      for (int i = 0; i + 3 < all.length; i++) {
        if (all[i] == '\r' && all[i + 1] == '\n' && all[i + 2] == '\r' && all[i + 3] == '\n') {
          return Arrays.copyOfRange(all, i + 4, all.length);
        }
      }
      throw new IllegalStateException("no header end");
    }
  }
}
