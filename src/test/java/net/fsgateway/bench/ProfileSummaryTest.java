package net.fsgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stacks land where their cost belongs, and the summary's per-call figures add up. */
class ProfileSummaryTest {
  private static final String LOOP = "java/lang/Thread.run;io/netty/channel/nio/NioEventLoop.run;"
      + "io/vertx/core/net/impl/VertxHandler.channelRead;io/vertx/core/http/impl/Http1xServerConnection.handleMessage;"
      + "net/fsgateway/http/XmlRpcEndpoint.handle";

  private static List<String> frames(String stack) {
    return List.of(stack.split(";"));
  }

  @Test
  void theLeafMostOwnerDecides() {
    assertThat(ProfileCategories.of(frames(LOOP + ";net/fsgateway/codec/XmlRpcRequestDecoder.feed;"
        + "java/lang/String.<init>_[j]"))).isEqualTo(ProfileCategories.DECODE);
    assertThat(ProfileCategories.of(frames(LOOP + ";net/fsgateway/dispatch/Dispatcher.dispatch;"
        + "net/fsgateway/session/SessionCache.get;sun/security/provider/SHA2.implCompress")))
        .isEqualTo(ProfileCategories.SHA256);
    assertThat(ProfileCategories.of(frames(LOOP + ";net/fsgateway/dispatch/Dispatcher.dispatch;"
        + "net/fsgateway/session/SessionCache.get;java/util/HashMap.get"))).isEqualTo(ProfileCategories.SESSION);
    assertThat(ProfileCategories.of(frames(LOOP + ";io/vertx/pgclient/impl/PgSocketConnection.handleMessage;"
        + "io/vertx/core/impl/future/FutureImpl.emitSuccess;net/fsgateway/codec/XmlRpcResponseWriter.write;"
        + "net/fsgateway/codec/ValueWriter.write;io/netty/buffer/AbstractByteBuf.writeBytes")))
        .as("the writer run from a query's completion is the writer's").isEqualTo(ProfileCategories.WRITE);
    assertThat(ProfileCategories.of(frames(LOOP + ";net/fsgateway/dispatch/Dispatcher.dispatch;"
        + "ch/qos/logback/classic/Logger.info;java/lang/StringBuilder.append"))).isEqualTo(ProfileCategories.LOGGING);
    assertThat(ProfileCategories.of(frames("java/lang/Thread.run;net/fsgateway/ops/BatchedConsoleAppender.writeLoop;"
        + "java/io/FileOutputStream.writeBytes;write;do_syscall_64_[k]"))).isEqualTo(ProfileCategories.LOGGING);
    assertThat(ProfileCategories.of(frames(LOOP + ";io/vertx/core/http/impl/Http1xServerConnection.handleMessage;"
        + "io/vertx/micrometer/impl/VertxHttpServerMetrics.requestBegin;io/micrometer/core/instrument/Tags.and;"
        + "java/util/Arrays.sort"))).isEqualTo(ProfileCategories.METRICS);
  }

  @Test
  void aSocketWriteIsChargedToWhoeverCalledIt() {
    String write = ";io/vertx/core/net/impl/VertxConnection.write;io/netty/channel/AbstractChannel.flush;"
        + "writev;do_syscall_64_[k]";
    assertThat(ProfileCategories.attribute(frames(LOOP + ";net/fsgateway/dispatch/Dispatcher.dispatch;"
        + "io/vertx/pgclient/impl/PgSocketConnection.doSchedule" + write)))
        .isEqualTo(new ProfileCategories.Attribution(ProfileCategories.SQL, "io.vertx.core.net.impl.VertxConnection.write"));
    assertThat(ProfileCategories.of(frames(LOOP + ";io/vertx/core/http/impl/Http1xServerResponse.end" + write)))
        .isEqualTo(ProfileCategories.HTTP);
    assertThat(ProfileCategories.of(frames("java/lang/Thread.run;io/netty/channel/nio/NioEventLoop.run;"
        + "sun/nio/ch/EPoll.wait;epoll_wait;do_syscall_64_[k]"))).isEqualTo(ProfileCategories.NETTY);
    assertThat(ProfileCategories.of(frames("thread_native_entry;CompileBroker::compiler_thread_loop;PhaseChaitin::Split")))
        .isEqualTo(ProfileCategories.JIT);
    String compressor = LOOP + ";io/vertx/core/http/impl/Http1xServerResponse.end;"
        + "io/vertx/core/http/impl/HttpChunkContentCompressor.write_[j]";
    assertThat(ProfileCategories.of(frames(compressor + ";java/util/ArrayList.add"))).isEqualTo(ProfileCategories.COMPRESSION);
    assertThat(ProfileCategories.of(frames(compressor + ";io/netty/handler/codec/http/HttpObjectEncoder.encode;"
        + "io/netty/buffer/AbstractByteBuf.writeBytes"))).as("encoding under the compressor").isEqualTo(ProfileCategories.HTTP);
  }

  @Test
  void theSummaryGivesSharesAndPerCallFigures() {
    CollapsedStacks cpu = CollapsedStacks.parse(List.of(
        LOOP + ";net/fsgateway/codec/XmlRpcRequestDecoder.feed 3000000",
        LOOP + ";net/fsgateway/dispatch/Dispatcher.dispatch 1000000",
        "not a stack line"));
    CollapsedStacks alloc = CollapsedStacks.parse(List.of(
        LOOP + ";net/fsgateway/codec/XmlRpcRequestDecoder.feed;java/util/Arrays.copyOf;byte[]_[i] 8000",
        LOOP + ";net/fsgateway/codec/XmlRpcResponseWriter.write;io.vertx.core.buffer.impl.BufferImpl_[k] 2000"));
    assertThat(cpu.stacks()).hasSize(2);
    String summary = ProfileSummary.format(cpu, alloc, 1000);
    assertThat(summary).contains("1000 calls; gateway CPU 4.0 µs per call, 10 bytes allocated per call");
    assertThat(summary).contains("| XML decode | 75.0 | 3.00 | 80.0 | 8 |");
    assertThat(summary).contains("| " + ProfileCategories.DISPATCH + " | 25.0 | 1.00 | 0.0 | 0 |");
    assertThat(summary).contains("| XML write | 0.0 | 0.00 | 20.0 | 2 |");
    assertThat(summary).contains("| 8 | 80.0 | `byte[]` | `java.util.Arrays.copyOf` | "
        + "`net.fsgateway.codec.XmlRpcRequestDecoder.feed` | XML decode |");
    assertThatThrownBy(() -> ProfileSummary.format(cpu, alloc, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
