package net.fsgateway.http;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;
import net.fsgateway.codec.BodyTooLargeException;
import net.fsgateway.codec.CodecLimits;
import net.fsgateway.codec.ProtocolException;
import net.fsgateway.codec.XmlRpcRequestDecoder;
import net.fsgateway.codec.XmlRpcResponseWriter;
import net.fsgateway.config.LimitsConfig;
import net.fsgateway.dispatch.Dispatcher;
import net.fsgateway.dispatch.Failures;
import net.fsgateway.dispatch.StreamedAnswers;
import net.fsgateway.infra.Timeouts;
import net.fsgateway.ops.CallObserver;
import net.fsgateway.resilience.InFlightLimit;
import net.fsgateway.xmlrpc.MethodCall;
import net.fsgateway.xmlrpc.MethodResponse;

/**
 * One XML-RPC exchange: the body is fed to the streaming decoder chunk by chunk as it arrives (never buffered
 * whole), the call is dispatched, and the answer is written once. Protocol errors are faults (HTTP 200); an
 * oversized body is 413, answered as soon as the limit is crossed, and the connection is closed. A body that has
 * not ended within the request deadline is 408 and the connection is closed: the idle timeout alone would let a
 * client that trickles one byte at a time hold a connection and a decoder forever.
 */
final class XmlRpcEndpoint {
  private static final CharSequence TEXT_XML = HttpHeaders.createOptimized("text/xml; charset=UTF-8");
  private static final CharSequence SERVER = HttpHeaders.createOptimized("fs-gateway");
  private static final CharSequence CLOSE = HttpHeaders.createOptimized("close");

  private final Dispatcher dispatcher;
  private final CodecLimits limits;
  private final Timeouts bodyDeadlines;
  private final boolean undefinedAsEmpty;
  private final CallObserver observer;
  private final InFlightLimit inFlight;
  private final boolean compression;
  private final AnswerSizes answerSizes = new AnswerSizes();
  private final RenderedAnswers rendered = new RenderedAnswers();

  /**
   * {@code undefinedAsEmpty}: nil is written as Freeside writes undef, an empty {@code <value/>}; {@code compression}:
   * large and streamed answers are compressed for clients that ask ({@link AnswerCompression}).
   */
  XmlRpcEndpoint(Vertx vertx, Dispatcher dispatcher, LimitsConfig limits, long requestTimeoutMs,
                 boolean undefinedAsEmpty, boolean compression, CallObserver observer) {
    this.dispatcher = dispatcher;
    this.limits = CodecLimitsMapping.from(limits);
    this.bodyDeadlines = new Timeouts(vertx, requestTimeoutMs);
    this.undefinedAsEmpty = undefinedAsEmpty;
    this.observer = observer;
    this.inFlight = InFlightLimit.shared(vertx, limits.maxInFlight());
    this.compression = compression;
  }

  void handle(HttpServerRequest request) {
    if (declaredTooLarge(request)) {
      tooLarge(request);
      return;
    }
    if (!inFlight.tryEnter()) {
      Shedding.refuse(request, inFlight.max());
      return;
    }
    Exchange exchange = new Exchange(request, new XmlRpcRequestDecoder(limits),
        RequestInflater.forEncoding(request.getHeader(HttpHeaders.CONTENT_ENCODING)), observer.begin(request));
    exchange.deadline = bodyDeadlines.arm(exchange::expire); // before any handler can run
    request.handler(exchange::chunk);
    request.endHandler(ignored -> exchange.end());
    request.exceptionHandler(ignored -> exchange.abort());
    request.resume();
  }

  private boolean declaredTooLarge(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
    if (length == null || encoding != null) {
      return false; // compressed: the limit applies to the inflated bytes, counted by the decoder
    }
    try {
      return Long.parseLong(length.trim()) > limits.maxBodyBytes();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Feeds a body chunk without copying it: Vert.x hands each chunk over in a heap buffer of its own (already copied
   * off Netty's pooled one), whose array the decoder can read in place; {@code Buffer.getBytes()} would copy it again.
   * A compressed body's chunks go through its {@link RequestInflater} first, which hands the decoder a window at a
   * time.
   */
  private static void feed(XmlRpcRequestDecoder decoder, RequestInflater inflater, Buffer chunk)
      throws ProtocolException {
    ByteBuf bytes = chunk instanceof BufferInternal internal ? internal.getByteBuf() : null;
    boolean inPlace = bytes != null && bytes.hasArray();
    byte[] array = inPlace ? bytes.array() : chunk.getBytes();
    int offset = inPlace ? bytes.arrayOffset() + bytes.readerIndex() : 0;
    if (inflater != null) {
      inflater.feed(array, offset, chunk.length(), decoder::feed);
    } else {
      decoder.feed(array, offset, chunk.length());
    }
  }

  private static void tooLarge(HttpServerRequest request) {
    refuse(request, 413, "request body too large\n");
  }

  /** An HTTP-level refusal: the rest of the body is not worth reading, so the connection is closed after it. */
  private static void refuse(HttpServerRequest request, int status, String text) {
    HttpServerResponse response = request.response();
    if (!response.ended() && !response.closed()) {
      response.setStatusCode(status).putHeader(HttpHeaders.CONNECTION, CLOSE)
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
          .end(text)
          .onComplete(ignored -> request.connection().close());
    }
  }

  /** The state of one request: decoding until the body ends or the first error. */
  private final class Exchange {
    private final HttpServerRequest request;
    private final XmlRpcRequestDecoder decoder;
    /** null unless the body came compressed. */
    private final RequestInflater inflater;
    private final CallObserver.Call observed;
    private MethodCall call;
    private boolean finished;
    private boolean counted = true;
    private boolean dispatched;
    private Timeouts.Timeout deadline;

    Exchange(HttpServerRequest request, XmlRpcRequestDecoder decoder, RequestInflater inflater,
             CallObserver.Call observed) {
      this.request = request;
      this.decoder = decoder;
      this.inflater = inflater;
      this.observed = observed;
    }

    void chunk(Buffer chunk) {
      if (finished) {
        return;
      }
      try {
        feed(decoder, inflater, chunk);
      } catch (ProtocolException e) {
        reject(e);
      } catch (RuntimeException bug) {
        crashed(bug);
      }
    }

    void end() {
      if (finished) {
        return;
      }
      deadline.cancel();
      try {
        if (inflater != null) {
          inflater.end();
        }
        call = decoder.end();
      } catch (ProtocolException e) {
        reject(e);
        return;
      } catch (RuntimeException bug) {
        crashed(bug);
        return;
      }
      finished = true;
      dispatched = true;
      String client = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
      // The dispatcher answers every failure as a fault; a failure here anyway is still answered, so no request
      // ever hangs.
      dispatcher.call(call, client).onComplete((response, failure) -> {
        leave();
        write(failure == null ? response : Failures.toFault(call.methodName(), failure), false);
      });
    }

    void abort() {
      finished = true;
      deadline.cancel();
      stopInflating();
      if (!dispatched) {
        leave(); // a dispatched call keeps its slot until it is answered, even if its client is gone
      }
    }

    /** The body will not be read on: the inflater's native memory goes now, not when it is collected. */
    private void stopInflating() {
      if (inflater != null) {
        inflater.release();
      }
    }

    /** Gives the in-flight slot back, once. */
    private void leave() {
      if (counted) {
        counted = false;
        inFlight.leave();
      }
    }

    /** The body did not end in time. */
    void expire() {
      if (finished) {
        return;
      }
      finished = true;
      leave();
      stopInflating();
      refuse(request, 408, "request body not received in time\n");
    }

    /** A decoder bug must still get an answer: an internal-error fault (logged once, by Failures), then close. */
    private void crashed(RuntimeException bug) {
      finished = true;
      leave();
      deadline.cancel();
      stopInflating();
      write(Failures.toFault("decode", bug), true);
    }

    /** A protocol error mid-stream: answer now and close, rather than read the rest of a bad body. */
    private void reject(ProtocolException e) {
      finished = true;
      leave();
      deadline.cancel();
      stopInflating();
      if (e instanceof BodyTooLargeException) {
        tooLarge(request);
        return;
      }
      write(e.toFault(), !request.isEnded());
    }

    private void write(MethodResponse answer, boolean closeAfter) {
      observer.answered(observed, call, answer);
      HttpServerResponse response = request.response();
      if (response.ended() || response.closed()) {
        StreamedAnswers.discard(answer);
        return;
      }
      response.putHeader(HttpHeaders.CONTENT_TYPE, TEXT_XML).putHeader(HttpHeaders.SERVER, SERVER);
      // While draining, every answer closes its connection: keep-alive clients reconnect to another pod.
      boolean close = closeAfter || observer.draining();
      if (close) {
        response.putHeader(HttpHeaders.CONNECTION, CLOSE);
      }
      if (answer instanceof MethodResponse.Streamed streamed) {
        AnswerCompression.Coding streamCoding = compression ? AnswerCompression.chosen(request) : null;
        StreamedWriter.write(request, streamed, undefinedAsEmpty, streamCoding);
        return;
      }
      String method = call == null ? null : call.methodName();
      Buffer body = rendered.find(answer);
      if (body == null) {
        body = XmlRpcResponseWriter.write(answer, undefinedAsEmpty, answerSizes.expected(method));
        answerSizes.written(method, body.length());
        rendered.keep(answer, body);
      }
      AnswerCompression.Coding coding = compression && body.length() >= AnswerCompression.THRESHOLD_BYTES
          ? AnswerCompression.chosen(request) : null;
      if (coding != null) {
        AnswerCompression.markEncoded(response.headers(), coding);
        body = rendered.compressed(answer, body, coding);
      }
      Future<Void> written = response.end(body);
      if (close) {
        written.onComplete(ignored -> request.connection().close());
      }
    }
  }
}
