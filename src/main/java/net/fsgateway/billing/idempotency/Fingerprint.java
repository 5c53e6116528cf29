package net.fsgateway.billing.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import net.fsgateway.xmlrpc.Scalars;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;

/**
 * What a new_customer call asked for, as an HMAC-SHA256 of its fields (every member but the session id and the
 * key, sorted by name, each as its type and text), so that a repeat can be told apart from a different call with
 * the same key. Keyed (by a key derived from billing.cardKey), because the fields hold card numbers and a plain
 * hash of a card number can be reversed by trying every number with the same first and last digits.
 */
public final class Fingerprint {
  private static final byte[] LABEL = "fs-gateway idempotency fingerprint v1".getBytes(StandardCharsets.UTF_8);

  private final SecretKeySpec key;

  public Fingerprint(SecretKey cardKey) {
    this.key = new SecretKeySpec(mac(new SecretKeySpec(cardKey.getEncoded(), "HmacSHA256"), LABEL), "HmacSHA256");
  }

  public byte[] of(XStruct call) {
    StringBuilder canonical = new StringBuilder();
    for (Map.Entry<String, XmlRpcValue> member : new TreeMap<>(call.members()).entrySet()) {
      String name = member.getKey();
      if (name.equals("session_id") || name.equals(IdempotentSignups.FIELD)) {
        continue;
      }
      XmlRpcValue value = member.getValue();
      canonical.append(name).append('\u0000').append(value.getClass().getSimpleName()).append('\u0000')
          .append(Scalars.text(value).orElseGet(value::toString)).append('\u0001');
    }
    return mac(key, canonical.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] mac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
