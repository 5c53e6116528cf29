package net.fsgateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fsgateway.dispatch.FreesideTyping;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XBoolean;
import net.fsgateway.xmlrpc.XDouble;
import net.fsgateway.xmlrpc.XI8;
import net.fsgateway.xmlrpc.XNil;
import net.fsgateway.xmlrpc.XStruct;
import org.junit.jupiter.api.Test;

/** Freeside's answer typing on the wire: every scalar a string, undef an empty value; faults keep their int. */
class FreesideWireTest {
  private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodResponse><params><param>";
  private static final String CLOSE = "</param></params></methodResponse>";

  @Test
  void scalarsBecomeStringsAndUndefinedAnEmptyValue() {
    XStruct answer = XStruct.builder().put("error", "").put("available", 1).put("big", new XI8("12345678901"))
        .put("flag", XBoolean.TRUE).put("ratio", XDouble.of(0.5)).put("paydate", XNil.NIL)
        .put("list", new XArray(List.of(XStruct.builder().put("custnum", 7).build()))).build();
    String wire = XmlRpcResponseWriter.write(FreesideTyping.strings(MethodResponse.success(answer)), true)
        .toString(StandardCharsets.UTF_8);
    assertThat(wire).isEqualTo(OPEN + "<value><struct>"
        + "<member><name>error</name><value><string></string></value></member>"
        + "<member><name>available</name><value><string>1</string></value></member>"
        + "<member><name>big</name><value><string>12345678901</string></value></member>"
        + "<member><name>flag</name><value><string>1</string></value></member>"
        + "<member><name>ratio</name><value><string>0.5</string></value></member>"
        + "<member><name>paydate</name><value/></member>"
        + "<member><name>list</name><value><array><data><value><struct>"
        + "<member><name>custnum</name><value><string>7</string></value></member>"
        + "</struct></value></data></array></value></member></struct></value>" + CLOSE);
  }

  @Test
  void typedAnswersKeepTypesAndNil() {
    XStruct answer = XStruct.builder().put("available", 1).put("paydate", XNil.NIL).build();
    assertThat(XmlRpcResponseWriter.write(MethodResponse.success(answer), false).toString(StandardCharsets.UTF_8))
        .contains("<value><int>1</int></value>").contains("<value><nil/></value>");
  }

  @Test
  void aFaultKeepsItsIntCode() {
    MethodResponse fault = FreesideTyping.strings(new MethodResponse.Fault(-32602, "bad"));
    assertThat(XmlRpcResponseWriter.write(fault, true).toString(StandardCharsets.UTF_8))
        .contains("<name>faultCode</name><value><int>-32602</int></value>");
  }

  @Test
  void aStreamedAnswerIsTheSameDocumentInPieces() {
    XStruct item = XStruct.builder().put("custnum", "7").build();
    MethodResponse.Streamed streamed = new MethodResponse.Streamed(XStruct.builder().put("error", "").build(),
        "customers", new NoItems());
    Buffer pieces = XmlRpcResponseWriter.streamOpen(streamed, true).appendBuffer(XmlRpcResponseWriter.item(item, true))
        .appendBuffer(XmlRpcResponseWriter.item(item, true)).appendBuffer(XmlRpcResponseWriter.streamClose());
    XStruct whole = XStruct.builder().put("error", "").put("customers", new XArray(List.of(item, item))).build();
    assertThat(pieces.toString(StandardCharsets.UTF_8))
        .isEqualTo(XmlRpcResponseWriter.write(MethodResponse.success(whole), true).toString(StandardCharsets.UTF_8));
  }

  /** An item stream that is never read: the pieces are written by hand above. */
  private static final class NoItems implements net.fsgateway.xmlrpc.ItemStream {
    @Override
    public void start(java.util.function.Consumer<net.fsgateway.xmlrpc.XmlRpcValue> item,
                      java.util.function.Consumer<Throwable> failed, Runnable ended) {
    }

    @Override
    public void pause() {
    }

    @Override
    public void resume() {
    }

    @Override
    public void cancel() {
    }
  }
}
