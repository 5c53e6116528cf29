package net.fsgateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.x over a plain socket, byte for byte: for requests no ordinary client sends (HTTP/1.0, captured
 * wire samples, odd framing, trickled bodies). Reads one response: status line, headers, Content-Length body.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public RawHttp(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(20_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  public RawHttp send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  public RawHttp send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads one response; the body is read by Content-Length, or to the end of the stream when there is none. */
  public Response read() throws IOException {
    String head = readHead();
    int length = -1;
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
        length = Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
    return new Response(head, body);
  }

  /** True when the server has closed the connection (read returns end of stream). */
  public boolean closedByServer() throws IOException {
    try {
      return in.read() == -1;
    } catch (IOException e) {
      return true;
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("connection closed before the response head ended: " + head);
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** One HTTP response. */
  public record Response(String head, byte[] body) {
    public int status() {
      return Integer.parseInt(head.substring(9, 12));
    }

    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body with any gzip or deflate Content-Encoding undone (clients that send Accept-Encoding get one). */
    public byte[] decodedBody() throws IOException {
      String encoding = header("Content-Encoding");
      if (encoding == null || encoding.equalsIgnoreCase("identity")) {
        return body;
      }
      InputStream raw = new java.io.ByteArrayInputStream(body);
      InputStream decoded = encoding.equalsIgnoreCase("gzip") ? new java.util.zip.GZIPInputStream(raw)
          : new java.util.zip.InflaterInputStream(raw);
      return decoded.readAllBytes();
    }
  }
}
