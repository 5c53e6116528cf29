package net.fsgateway.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fsgateway.codec.XmlRpcRequestWriter;
import net.fsgateway.support.TestReseller;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.XStruct;

/** A check_username whose body arrives in two halves, so it can be in flight across the listener's close. */
final class SlowCall {
  private final Socket socket;
  private final byte[] rest;
  private String answer = "";

  private SlowCall(Socket socket, byte[] rest) {
    this.socket = socket;
    this.rest = rest;
  }

  /** Connects and sends the headers and half the body. */
  static SlowCall begin(int port, TestReseller reseller, String session, String username) throws IOException {
    byte[] body = XmlRpcRequestWriter.write(new MethodCall("FS.SelfService.XMLRPC.check_username", List.of(
        XStruct.builder().put("session_id", session).put("username", username)
            .put("domain", reseller.privateDomain()).build()))).getBytes();
    String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: " + body.length
        + "\r\n\r\n";
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
    int half = body.length / 2;
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().write(body, 0, half);
    socket.getOutputStream().flush();
    byte[] rest = new byte[body.length - half];
    System.arraycopy(body, half, rest, 0, rest.length);
    return new SlowCall(socket, rest);
  }

  /** Sends the rest and reads the whole answer (the server closes the connection after it while draining). */
  void finish() {
    try (socket) {
      socket.getOutputStream().write(rest);
      socket.getOutputStream().flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        received.write(buffer, 0, n);
      }
      answer = received.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      answer = "failed: " + e;
    }
  }

  String answer() {
    return answer;
  }
}
