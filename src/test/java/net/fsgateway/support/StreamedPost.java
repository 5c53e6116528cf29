package net.fsgateway.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A chunked POST whose body is written while another thread waits for the answer, so a test can see when the
 * server answered and how many body bytes it had accepted by then, without ever holding the whole body.
 */
public final class StreamedPost {
  private StreamedPost() {
  }

  /** What came back, and how many body bytes were written before the answer or the close. */
  public record Result(int status, String text, long bytesWritten, long elapsedMs) {
  }

  public static Result send(int port, Iterator<byte[]> chunks) throws Exception {
    long started = System.nanoTime();
    long written = 0;
    try (RawHttp http = new RawHttp(port)) {
      CompletableFuture<RawHttp.Response> answer = CompletableFuture.supplyAsync(() -> {
        try {
          return http.read();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      http.send("POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n");
      try {
        while (chunks.hasNext() && !answer.isDone()) {
          byte[] chunk = chunks.next();
          http.send(Integer.toHexString(chunk.length) + "\r\n").send(chunk).send("\r\n");
          written += chunk.length;
        }
        if (!answer.isDone()) {
          http.send("0\r\n\r\n");
        }
      } catch (IOException closedByServer) {
        // The server answered and closed while we were still writing: expected for a refused body.
      }
      RawHttp.Response response = answer.get(20, TimeUnit.SECONDS);
      return new Result(response.status(), response.text(), written,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
  }

  /** {@code head}, then {@code repeat} copies of {@code unit}, a chunk of about 64 KiB at a time. */
  public static Iterator<byte[]> repeated(String head, String unit, long repeat) {
    byte[] first = head.getBytes(StandardCharsets.UTF_8);
    byte[] one = unit.getBytes(StandardCharsets.UTF_8);
    int perChunk = Math.max(1, 65_536 / one.length);
    byte[] full = new byte[perChunk * one.length];
    for (int i = 0; i < perChunk; i++) {
      System.arraycopy(one, 0, full, i * one.length, one.length);
    }
    return new Iterator<>() {
      private boolean headSent;
      private long left = repeat;

      @Override
      public boolean hasNext() {
        return !headSent || left > 0;
      }

      @Override
      public byte[] next() {
        if (!headSent) {
          headSent = true;
          return first;
        }
        int n = (int) Math.min(perChunk, left);
        left -= n;
        return n == perChunk ? full : java.util.Arrays.copyOf(full, n * one.length);
      }
    };
  }
}
