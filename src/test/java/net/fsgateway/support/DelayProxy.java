package net.fsgateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 that hands the server's bytes to the client {@code delayMs} late: a gateway that is
 * farther from Redis than another, so that pushes reach it after the other gateway has already answered.
 */
public final class DelayProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final long delayMs;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  public DelayProxy(int targetPort, long delayMs) throws IOException {
    this.listener = new ServerSocket(OwnProcesses.freePort(26600), 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.delayMs = delayMs;
    Thread acceptor = new Thread(this::accept, "delay-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket("127.0.0.1", targetPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(server);
        pump(client, server, 0);
        pump(server, client, delayMs);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void pump(Socket from, Socket to, long delayMs) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          if (delayMs > 0) {
            Thread.sleep(delayMs);
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException ended) {
        // either side closed
      } finally {
        close(from);
        close(to);
      }
    }, "delay-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    sockets.forEach(DelayProxy::close);
  }
}
