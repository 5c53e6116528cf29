package net.fsgateway.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.MethodResponse.Streamed;
import net.fsgateway.xmlrpc.MethodResponse.Success;
import net.fsgateway.xmlrpc.XArray;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/** Helpers for {@link Streamed} answers where a whole value is needed or nobody will read them. */
public final class StreamedAnswers {
  private StreamedAnswers() {
  }

  /**
   * The answer as one value, its items read into memory: for a {@code system.multicall} slot, whose array holds
   * whole values. Direct calls are written incrementally instead (the endpoint).
   */
  public static Future<XmlRpcValue> collect(Streamed answer) {
    Promise<XmlRpcValue> whole = Promise.promise();
    List<XmlRpcValue> items = new ArrayList<>();
    answer.items().start(item -> items.add(answer.typing().apply(item)), whole::tryFail, () -> {
      XStruct.Builder b = XStruct.builder();
      answer.head().members().forEach(b::put);
      whole.tryComplete(b.put(answer.member(), new XArray(items)).build());
    });
    return whole.future();
  }

  /** The response as a plain success (streamed ones collected), for callers that need one value. */
  public static Future<MethodResponse> whole(MethodResponse response) {
    return response instanceof Streamed s ? collect(s).map(Success::new) : Future.succeededFuture(response);
  }

  /** Releases a streamed answer nobody will write (its call timed out meanwhile). */
  public static void discard(MethodResponse response) {
    if (response instanceof Streamed s) {
      s.items().cancel();
    }
  }
}
