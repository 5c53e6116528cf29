package net.fsgateway.codec;

import io.vertx.core.buffer.Buffer;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * {@code dateTime.iso8601} text. Reads, liberally, what real clients send: basic or extended date
 * ({@code 19980717} / {@code 1998-07-17}), then {@code T} and a time with or without colons, an optional fraction
 * of up to 9 digits ({@code .} or {@code ,}), and an optional {@code Z} or {@code ±hh}, {@code ±hhmm},
 * {@code ±hh:mm} offset, which is converted to UTC because the model has no zone. A date without a time is read
 * as midnight: the XML-RPC spec shows only full timestamps, but nothing is lost by accepting it. Writes the spec's
 * form {@code yyyyMMdd'T'HH:mm:ss}.
 */
final class Iso8601 {
  private Iso8601() {
  }

  /** Parses trimmed text; null when it is not a valid timestamp. */
  static LocalDateTime parse(String s) {
    Cursor c = new Cursor(s);
    try {
      int year = c.digits(4);
      c.optional('-');
      int month = c.digits(2);
      c.optional('-');
      int day = c.digits(2);
      if (c.atEnd()) {
        return LocalDateTime.of(year, month, day, 0, 0);
      }
      c.expect('T');
      int hour = c.digits(2);
      c.optional(':');
      int minute = c.digits(2);
      c.optional(':');
      int second = c.digits(2);
      int nanos = 0;
      if (c.optional('.') || c.optional(',')) {
        int start = c.pos;
        int frac = c.digitsUpTo(9);
        if (frac < 0) {
          return null;
        }
        for (int n = c.pos - start; n < 9; n++) {
          frac *= 10;
        }
        nanos = frac;
      }
      LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      if (c.atEnd()) {
        return t;
      }
      if (c.optional('Z')) {
        return c.atEnd() ? t : null;
      }
      int sign = c.optional('+') ? 1 : c.optional('-') ? -1 : 0;
      if (sign == 0) {
        return null;
      }
      int oh = c.digits(2);
      int om = 0;
      if (!c.atEnd()) {
        c.optional(':');
        om = c.digits(2);
      }
      if (!c.atEnd() || oh > 18 || om > 59) {
        return null;
      }
      return t.minusSeconds(sign * (oh * 3600L + om * 60L));
    } catch (DateTimeException | IndexOutOfBoundsException | IllegalStateException e) {
      return null;
    }
  }

  /** Appends {@code yyyyMMdd'T'HH:mm:ss}: whole seconds, as the spec and every client expect. */
  static void write(LocalDateTime t, Buffer out) {
    pad(out, t.getYear(), 4);
    pad(out, t.getMonthValue(), 2);
    pad(out, t.getDayOfMonth(), 2);
    out.appendByte((byte) 'T');
    pad(out, t.getHour(), 2);
    out.appendByte((byte) ':');
    pad(out, t.getMinute(), 2);
    out.appendByte((byte) ':');
    pad(out, t.getSecond(), 2);
  }

  private static void pad(Buffer out, int value, int width) {
    for (int div = width == 4 ? 1000 : 10; div > 0; div /= 10) {
      out.appendByte((byte) ('0' + (value / div) % 10));
    }
  }

  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos == s.length();
    }

    boolean optional(char ch) {
      if (pos < s.length() && s.charAt(pos) == ch) {
        pos++;
        return true;
      }
      return false;
    }

    void expect(char ch) {
      if (!optional(ch)) {
        throw new IllegalStateException();
      }
    }

    int digits(int n) {
      int v = 0;
      for (int i = 0; i < n; i++) {
        char ch = s.charAt(pos++);
        if (ch < '0' || ch > '9') {
          throw new IllegalStateException();
        }
        v = v * 10 + (ch - '0');
      }
      return v;
    }

    /** 1..max digits; -1 when there is none or more than max. */
    int digitsUpTo(int max) {
      int v = 0;
      int n = 0;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        if (++n > max) {
          return -1;
        }
        v = v * 10 + (s.charAt(pos++) - '0');
      }
      return n == 0 ? -1 : v;
    }
  }
}
