package net.fsgateway.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Undoes PHP xmlrpc's mojibake. PHP's {@code xmlrpc_encode_request} takes UTF-8 bytes for Latin-1 and sends each
 * byte as a character reference ({@code Zo&#195;&#171;} for "Zoë"); Freeside's own server re-decodes such strings
 * as UTF-8 ({@code FS/FS/ClientAPI_XMLRPC.pm}), so this gateway must too.
 *
 * <p>Rule: a string is replaced by the UTF-8 decoding of its chars taken as bytes when (1) it has at least one
 * char in U+0080..U+00FF, (2) all its chars are at most U+00FF, and (3) those bytes are strictly valid UTF-8
 * (no overlongs, surrogates or truncated sequences). Otherwise it is returned unchanged. Text sent correctly never
 * has that shape except a Latin-1 string whose accented chars happen to pair up into valid UTF-8 sequences, such
 * as "Ã©" (U+00C3 U+00A9), which real names practically never contain; that one case would be "repaired" wrongly.
 */
final class Utf8Repair {
  private Utf8Repair() {
  }

  static String repair(String s) {
    boolean high = false;
    for (int i = 0, n = s.length(); i < n; i++) {
      char ch = s.charAt(i);
      if (ch > 0xFF) {
        return s;
      }
      high |= ch >= 0x80;
    }
    if (!high) {
      return s;
    }
    byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
    try {
      CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return decoded.toString();
    } catch (CharacterCodingException e) {
      return s;
    }
  }
}
