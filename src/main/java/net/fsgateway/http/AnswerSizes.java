package net.fsgateway.http;

import java.util.HashMap;
import java.util.Map;

/**
 * How large a method's answers have been, so the next one is written into a buffer that already has room: a
 * signup_info answer (tens of KiB) written into the default 512 bytes was copied at every doubling, 118 KiB
 * allocated and copied per call for a 30 KiB answer (issue 15). Only large answers are remembered, for at most
 * {@link #MAX_METHODS} method names, so names a client makes up cannot grow it. One per event loop: not
 * thread-safe.
 */
final class AnswerSizes {
  static final int DEFAULT_BYTES = 512;
  /** Answers below this start from {@link #DEFAULT_BYTES}: doubling up to it costs little. */
  static final int LARGE_BYTES = 4096;
  static final int MAX_METHODS = 32;

  private final Map<String, Integer> recent = new HashMap<>();

  /** The room to start {@code method}'s next answer with (null: a call that was not decoded). */
  int expected(String method) {
    Integer bytes = method == null ? null : recent.get(method);
    return bytes == null ? DEFAULT_BYTES : bytes;
  }

  /**
   * {@code method} answered {@code bytes}; the room remembered is this (large) answer's plus an eighth, so it
   * follows the latest rather than holding on to one outlier.
   */
  void written(String method, int bytes) {
    if (method == null || bytes < LARGE_BYTES || (recent.size() >= MAX_METHODS && !recent.containsKey(method))) {
      return;
    }
    recent.put(method, bytes + bytes / 8);
  }
}
