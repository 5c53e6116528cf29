package net.fsgateway.bench;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which part of the gateway a profiled stack's cost belongs to. The stack is read from the leaf towards the root
 * and the first frame that names an owner decides: a String copy under the decoder is the decoder's, a query's
 * completion that runs the XML writer is the writer's. JDK, kernel and plain Netty frames name no owner by
 * themselves (they serve whoever called them). Vert.x's socket layer is a weak owner: a write or flush is charged to
 * the SQL client, Redis client or HTTP server that called it when one is further up, to "sockets" otherwise. A
 * stack with no owner at all is the event loop's own (sockets), a JIT compiler's or GC thread's, or "other".
 */
public final class ProfileCategories {
  public static final String DECODE = "XML decode";
  public static final String WRITE = "XML write";
  public static final String SESSION = "session resolution";
  public static final String SHA256 = "SHA-256 (MessageDigest)";
  public static final String DISPATCH = "dispatch (Dispatcher, LocalRoute, MethodSpec)";
  public static final String SERVICE = "method code (provisioning, billing)";
  public static final String SQL = "SQL client";
  public static final String REDIS = "Redis client";
  public static final String FUTURES = "Vert.x futures and context";
  public static final String ENDPOINT = "XmlRpcEndpoint (HTTP glue)";
  public static final String HEADERS = "HTTP headers (request and response), Date";
  public static final String LOGGING = "logging and MDC";
  public static final String METRICS = "metrics (Micrometer, vertx-micrometer, CallMetrics)";
  public static final String ROUTER = "vertx-web Router (routing context)";
  public static final String COMPRESSION = "HTTP compression handler";
  public static final String HTTP = "Vert.x HTTP server (request, response, its writes)";
  public static final String NETTY = "sockets and event loop (Netty, reads)";
  public static final String JIT = "JVM: JIT compiler";
  public static final String GC = "JVM: GC";
  public static final String OTHER = "other";

  /** Report order. */
  public static final List<String> ALL = List.of(DECODE, WRITE, SESSION, SHA256, DISPATCH, SERVICE, SQL, REDIS,
      FUTURES, ENDPOINT, HEADERS, LOGGING, METRICS, ROUTER, COMPRESSION, HTTP, NETTY, JIT, GC, OTHER);

  private record Rule(Pattern frame, String category) {
  }

  /** Checked per frame in this order; frames are normalised to dotted class names without async-profiler's suffix. */
  private static final List<Rule> OWNERS = List.of(
      rule("^net\\.fsgateway\\.codec\\.(XmlRpcRequestDecoder|XmlPump|ValueBuilder|Utf8Repair|Base64Text|ScalarText)"
          + "|^com\\.fasterxml\\.aalto\\.|^org\\.codehaus\\.stax2\\.", DECODE),
      rule("^net\\.fsgateway\\.codec\\.(XmlRpcResponseWriter|ValueWriter|XmlEscaper|Iso8601)", WRITE),
      rule("^sun\\.security\\.provider\\.(SHA2|DigestBase)|^java\\.security\\.MessageDigest", SHA256),
      rule("^net\\.fsgateway\\.session\\.", SESSION),
      rule("^net\\.fsgateway\\.dispatch\\.", DISPATCH),
      rule("^net\\.fsgateway\\.(provisioning|billing|security)\\.", SERVICE),
      rule("^io\\.vertx\\.(pgclient|sqlclient)\\.", SQL),
      rule("^io\\.vertx\\.redis\\.", REDIS),
      rule("^ch\\.qos\\.logback\\.|^org\\.slf4j\\.|^io\\.vertx\\.core\\.internal\\.logging\\.|MDC"
          + "|^net\\.fsgateway\\.ops\\.(AccessLog|BatchedConsoleAppender)", LOGGING),
      rule("^io\\.micrometer\\.|^io\\.vertx\\.micrometer\\.|^net\\.fsgateway\\.ops\\.(CallMetrics|ConnectionLevelHttpMeters)",
          METRICS),
      rule("^java\\.time\\.format\\.|DateTimeFormatter|^io\\.vertx\\.core\\.http\\.impl\\.headers\\."
          + "|^io\\.netty\\.handler\\.codec\\.(http\\.)?(Default)?HttpHeaders|^io\\.netty\\.handler\\.codec\\.DateFormatter",
          HEADERS),
      rule("^net\\.fsgateway\\.http\\.", ENDPOINT),
      rule("^io\\.vertx\\.core\\.(impl\\.future\\.|Future|Promise|impl\\.ContextImpl|impl\\.EventLoopExecutor"
          + "|internal\\.ContextInternal|impl\\.DuplicatedContext|impl\\.ContextBase)", FUTURES),
      rule("^io\\.vertx\\.ext\\.web\\.", ROUTER),
      // Netty's HTTP encoder runs inside the compressor's write: encoding is the HTTP server's work, not compression.
      rule("^io\\.netty\\.handler\\.codec\\.http\\.(HttpObjectEncoder|HttpResponseEncoder|HttpObjectDecoder"
          + "|HttpRequestDecoder)", HTTP),
      rule("HttpChunkContentCompressor|HttpContentCompressor|^io\\.netty\\.handler\\.codec\\.compression\\.",
          COMPRESSION),
      rule("^io\\.vertx\\.core\\.http\\.", HTTP),
      rule("^io\\.vertx\\.core\\.net\\.", NETTY),
      rule("^net\\.fsgateway\\.", OTHER));

  /** Frames of threads that are not the application's (matched anywhere in the stack). */
  private static final Pattern JIT_FRAME = Pattern.compile("CompileBroker|C2Compiler|C1Compiler|Compile::|JVMCI");
  private static final Pattern GC_FRAME = Pattern.compile("G1|GCTaskThread|ParallelGC|ConcurrentGC|WorkerThread::run"
      + "|ShenandoahHeap|ZHeap|Serial(Heap|GC)|GangWorker");

  /** Who a socket write or flush further down the stack is charged to. */
  private static final List<String> CALLERS_OF_SOCKETS = List.of(SQL, REDIS, HTTP);

  private ProfileCategories() {
  }

  /** The leaf-most frame of a library or of ours (not the JDK's, the kernel's or the VM's), else the leaf. */
  private static String nearestNamed(List<String> frames) {
    for (int i = frames.size() - 1; i >= 0; i--) {
      String frame = normalise(frames.get(i));
      if (frame.startsWith("io.") || frame.startsWith("net.") || frame.startsWith("com.") || frame.startsWith("org.")) {
        return frame;
      }
    }
    return normalise(frames.get(frames.size() - 1));
  }

  private static Rule rule(String regex, String category) {
    return new Rule(Pattern.compile(regex), category);
  }

  /** {@code io/netty/Foo.bar_[j]} → {@code io.netty.Foo.bar}. */
  static String normalise(String frame) {
    int suffix = frame.lastIndexOf("_[");
    String name = suffix > 0 && frame.endsWith("]") ? frame.substring(0, suffix) : frame;
    return name.replace('/', '.');
  }

  /** A stack's category and the frame that decided it (normalised; the leaf when no frame did). */
  public record Attribution(String category, String frame) {
  }

  /** The category of a stack given root first, leaf last. */
  public static String of(List<String> frames) {
    return attribute(frames).category();
  }

  public static Attribution attribute(List<String> frames) {
    Attribution weak = null;
    for (int i = frames.size() - 1; i >= 0; i--) {
      String frame = normalise(frames.get(i));
      for (Rule rule : OWNERS) {
        if (!rule.frame().matcher(frame).find()) {
          continue;
        }
        if (weak == null && rule.category().equals(NETTY)) {
          weak = new Attribution(NETTY, frame);
          break;
        }
        if (weak == null) {
          return new Attribution(rule.category(), frame);
        }
        if (CALLERS_OF_SOCKETS.contains(rule.category())) {
          return new Attribution(rule.category(), weak.frame());
        }
        break;
      }
    }
    if (weak != null) {
      return weak;
    }
    String leaf = frames.isEmpty() ? "" : nearestNamed(frames);
    for (String frame : frames) {
      if (JIT_FRAME.matcher(frame).find()) {
        return new Attribution(JIT, leaf);
      }
      if (GC_FRAME.matcher(frame).find()) {
        return new Attribution(GC, leaf);
      }
    }
    for (String frame : frames) {
      if (frame.startsWith("io/netty/") || frame.startsWith("io.netty.") || frame.startsWith("io/vertx/")) {
        return new Attribution(NETTY, leaf);
      }
    }
    return new Attribution(OTHER, leaf);
  }
}
