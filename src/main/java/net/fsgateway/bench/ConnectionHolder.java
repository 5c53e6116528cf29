package net.fsgateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens N keep-alive connections to the target, sends one {@code GET /RPC2} on each (answered 405) so the server has
 * really set up its per-connection HTTP state, and holds them idle for a while: the memory a gateway pays per open client.
 * Connections are opened in batches so the server's accept backlog is not what gets measured.
 */
final class ConnectionHolder {
  private static final int BATCH = 100;

  private final Vertx vertx;
  private final LocalTarget target;
  private final NetClient net;
  private final List<NetSocket> sockets = new ArrayList<>();

  ConnectionHolder(Vertx vertx, LocalTarget target) {
    this.vertx = vertx;
    this.target = target;
    this.net = vertx.createNetClient(new NetClientOptions().setConnectTimeout(5_000));
  }

  /** Opens {@code count} connections; completes with how many are open. */
  Future<Integer> open(int count) {
    Buffer probe = Buffer.buffer("GET /RPC2 HTTP/1.1\r\nHost: " + target.host() + "\r\nConnection: keep-alive\r\n\r\n",
        StandardCharsets.UTF_8.name());
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < count; from += BATCH) {
      int n = Math.min(BATCH, count - from);
      chain = chain.compose(v -> batch(n, probe));
    }
    return chain.map(v -> sockets.size());
  }

  private Future<Void> batch(int n, Buffer probe) {
    List<Future<NetSocket>> opened = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      opened.add(net.connect(target.port(), target.host()).onSuccess(socket -> {
        socket.handler(ignored -> { });
        sockets.add(socket);
        socket.write(probe);
      }));
    }
    return Future.join(opened).<Void>mapEmpty().otherwiseEmpty();
  }

  /** Holds for {@code hold}, then closes everything. */
  Future<Void> holdThenClose(Duration hold) {
    return vertx.timer(Math.max(1, hold.toMillis())).compose(v -> {
      sockets.forEach(NetSocket::close);
      return net.close();
    });
  }
}
