package net.fsgateway.billing.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import net.fsgateway.xmlrpc.XInt;
import net.fsgateway.xmlrpc.XStruct;
import org.junit.jupiter.api.Test;

/** What makes two new_customer calls "the same" for an idempotency key. */
class FingerprintTest {
  private final Fingerprint fingerprint = new Fingerprint(key("k1"));

  private static SecretKeySpec key(String seed) {
    byte[] bytes = new byte[32];
    byte[] s = seed.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(s, 0, bytes, 0, s.length);
    return new SecretKeySpec(bytes, "AES");
  }

  private static XStruct call(String session, String last, String key) {
    return XStruct.builder().put("session_id", session).put("last", last).put("payinfo", "4111111111111111")
        .put("pkgpart", new XInt("3")).put(IdempotentSignups.FIELD, key).build();
  }

  @Test
  void theSessionAndTheKeyDoNotCountButEveryOtherFieldDoes() {
    byte[] first = fingerprint.of(call("s1", "Beast", "k"));
    assertThat(fingerprint.of(call("s2", "Beast", "other"))).isEqualTo(first);
    assertThat(fingerprint.of(call("s1", "Beest", "k"))).isNotEqualTo(first);
    XStruct reordered = XStruct.builder().put(IdempotentSignups.FIELD, "k").put("pkgpart", new XInt("3"))
        .put("payinfo", "4111111111111111").put("last", "Beast").put("session_id", "s1").build();
    assertThat(fingerprint.of(reordered)).as("member order does not matter").isEqualTo(first);
  }

  @Test
  void itIsKeyedSoItCannotBeRecomputedWithoutTheCardKey() {
    assertThat(new Fingerprint(key("k2")).of(call("s", "Beast", "k"))).isNotEqualTo(fingerprint.of(call("s",
        "Beast", "k")));
  }
}
