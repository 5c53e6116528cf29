package net.fsgateway.http;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * The bytes of the last few large answers written, found again by the identity of their (immutable) value: a method
 * that hands back the very answer it gave before (signup_info from unchanged rows) has it sent as written then, not
 * written anew (issue 15: writing signup_info's 33 KiB was a sixth of its CPU), and compressed as then for a client
 * that asks for the same coding (Python's xmlrpc.client asks for gzip on every call). Only successes of at least
 * {@link AnswerSizes#LARGE_BYTES} are kept, {@link #SLOTS} of them, replaced in turn. A kept buffer is only read:
 * each HTTP write and each compression takes its own view of it. One per event loop: not thread-safe.
 */
final class RenderedAnswers {
  static final int SLOTS = 8;

  private final XmlRpcValue[] values = new XmlRpcValue[SLOTS];
  private final Buffer[] bodies = new Buffer[SLOTS];
  /** Per slot, the body compressed in each {@link AnswerCompression.Coding} (by ordinal), once asked for. */
  private final Buffer[][] compressed = new Buffer[SLOTS][AnswerCompression.Coding.values().length];
  private int next;

  /** The body written for this very answer, or null. */
  Buffer find(MethodResponse answer) {
    int slot = slotOf(answer);
    return slot < 0 ? null : bodies[slot];
  }

  /** {@code body} was written for {@code answer}: kept if it is a large success. */
  void keep(MethodResponse answer, Buffer body) {
    if (answer instanceof MethodResponse.Success success && body.length() >= AnswerSizes.LARGE_BYTES) {
      values[next] = success.value();
      bodies[next] = body;
      Arrays.fill(compressed[next], null);
      next = (next + 1) % SLOTS;
    }
  }

  /** {@code body}, {@code answer}'s, in {@code coding}: compressed once per kept answer and coding. */
  Buffer compressed(MethodResponse answer, Buffer body, AnswerCompression.Coding coding) {
    int slot = slotOf(answer);
    if (slot < 0 || bodies[slot] != body) {
      return AnswerCompression.compress(body, coding);
    }
    Buffer kept = compressed[slot][coding.ordinal()];
    if (kept == null) {
      kept = AnswerCompression.compress(body, coding);
      compressed[slot][coding.ordinal()] = kept;
    }
    return kept;
  }

  private int slotOf(MethodResponse answer) {
    if (answer instanceof MethodResponse.Success success) {
      for (int slot = 0; slot < SLOTS; slot++) {
        if (values[slot] == success.value()) {
          return slot;
        }
      }
    }
    return -1;
  }
}
