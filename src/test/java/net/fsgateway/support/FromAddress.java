package net.fsgateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * XML-RPC calls from a chosen loopback address (Linux routes all of 127.0.0.0/8 to lo), so a test of the
 * per-address login limit has an address no other test or test run has counted failures for.
 */
public final class FromAddress {
  private final String address;
  private final int port;

  public FromAddress(String address, int port) {
    this.address = address;
    this.port = port;
  }

  /** A random 127.x.y.z other than 127.0.0.1. */
  public static String randomLoopback() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "127." + r.nextInt(1, 255) + "." + r.nextInt(0, 256) + "." + r.nextInt(1, 255);
  }

  /** One agent_login; returns the response body. */
  public String login(String username, String password) throws IOException {
    return post("<?xml version=\"1.0\"?><methodCall><methodName>FS.SelfService.XMLRPC.agent_login</methodName>"
        + "<params><param><value>" + credentials(username, password) + "</value></param></params></methodCall>");
  }

  /** One system.multicall of agent_login calls, one per username, all with {@code password}. */
  public String multicallLogins(List<String> usernames, String password) throws IOException {
    StringBuilder calls = new StringBuilder();
    for (String username : usernames) {
      calls.append("<value><struct><member><name>methodName</name><value>agent_login</value></member>")
          .append("<member><name>params</name><value><array><data><value>").append(credentials(username, password))
          .append("</value></data></array></value></member></struct></value>");
    }
    return post("<?xml version=\"1.0\"?><methodCall><methodName>system.multicall</methodName><params><param>"
        + "<value><array><data>" + calls + "</data></array></value></param></params></methodCall>");
  }

  /** How often {@code text} occurs in {@code body}. */
  public static int count(String body, String text) {
    int n = 0;
    for (int i = body.indexOf(text); i >= 0; i = body.indexOf(text, i + text.length())) {
      n++;
    }
    return n;
  }

  private static String credentials(String username, String password) {
    return "<struct><member><name>username</name><value><string>" + username + "</string></value></member>"
        + "<member><name>password</name><value><string>" + password + "</string></value></member></struct>";
  }

  private String post(String xml) throws IOException {
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(address, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /RPC2 HTTP/1.0\r\nContent-Type: text/xml\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
