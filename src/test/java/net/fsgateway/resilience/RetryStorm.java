package net.fsgateway.resilience;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code clients} XML-RPC clients that each send one call a second and give up on it after one second (the
 * connection is then dropped and the next call opens another), as integrations with a one-second timeout and a
 * retry loop do. Counts each second's outcomes.
 */
final class RetryStorm implements AutoCloseable {
  /** One second's outcomes. */
  record Second(long ok, long busy, long unavailable, long otherFaults, long gaveUp) {
    long failed() {
      return busy + unavailable + otherFaults + gaveUp;
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http;
  private final Buffer body;
  private final List<Long> timers = new ArrayList<>();
  private boolean stopped;
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong busy = new AtomicLong();
  private final AtomicLong unavailable = new AtomicLong();
  private final AtomicLong otherFaults = new AtomicLong();
  private final AtomicLong gaveUp = new AtomicLong();

  RetryStorm(int port, String xmlBody, int clients) {
    this.body = Buffer.buffer(xmlBody);
    this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
        .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(clients).setMaxWaitQueueSize(clients * 4));
    for (int i = 0; i < clients; i++) {
      long offset = 1 + ThreadLocalRandom.current().nextLong(1000);
      vertx.setTimer(offset, first -> {
        synchronized (timers) {
          if (!stopped) {
            send();
            timers.add(vertx.setPeriodic(1000, tick -> send()));
          }
        }
      });
    }
  }

  /** The outcomes since the last call. */
  Second takeSecond() {
    return new Second(ok.getAndSet(0), busy.getAndSet(0), unavailable.getAndSet(0), otherFaults.getAndSet(0),
        gaveUp.getAndSet(0));
  }

  private void send() {
    http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/RPC2").setIdleTimeout(1000))
        .compose(request -> request.send(body))
        .compose(response -> response.body())
        .onSuccess(this::count)
        .onFailure(failure -> gaveUp.incrementAndGet());
  }

  private void count(Buffer answer) {
    String text = answer.toString();
    if (!text.contains("<fault>")) {
      ok.incrementAndGet();
    } else if (text.contains("<int>-32003</int>")) {
      busy.incrementAndGet();
    } else if (text.contains("<int>-32001</int>")) {
      unavailable.incrementAndGet();
    } else {
      otherFaults.incrementAndGet();
    }
  }

  /** Stops sending (answers still in flight are dropped). */
  void stop() {
    synchronized (timers) {
      timers.forEach(vertx::cancelTimer);
      stopped = true;
    }
  }

  @Override
  public void close() {
    stop();
    vertx.close();
  }
}
