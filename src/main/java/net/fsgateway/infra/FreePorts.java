package net.fsgateway.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port probing for the embedded backends. */
public final class FreePorts {
  private FreePorts() {
  }

  /** A port that was free a moment ago (the embedded Redis needs a concrete number up front). */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  /** Whether something accepts TCP connections on {@code host:port} within {@code timeoutMs}. */
  public static boolean answers(String host, int port, int timeoutMs) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMs);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
