package net.fsgateway.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts payment information (card numbers, bank accounts) with AES-256-GCM before it is stored, and makes
 * the masked display form. The stored form is {@code version byte || 12-byte nonce || ciphertext+tag}; a fresh
 * random nonce per value, so equal card numbers do not give equal ciphertexts. CVVs never come here: they are
 * used for the authorization only.
 */
public final class CardVault {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * One Cipher per thread, initialised afresh (a new nonce) for every value: {@code Cipher.getInstance} looks the
   * provider up on every call, which was most of a signup's encryption cost. Threads are the event loops and
   * workers: a few, for the life of the process.
   */
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  });

  private final SecretKey key;

  public CardVault(SecretKey key) {
    this.key = key;
  }

  public byte[] encrypt(String payinfo) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(payinfo.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  public String decrypt(byte[] stored) {
    if (stored.length < 1 + NONCE_BYTES || stored[0] != VERSION) {
      throw new IllegalArgumentException("not a vault value");
    }
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
      byte[] clear = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
      return new String(clear, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("payinfo does not decrypt with this key", e);
    }
  }

  /** A card as first 6 and last 4 digits (what PCI DSS allows to be shown), the rest as 'x'. */
  public static String maskCard(String digits) {
    if (digits.length() <= 10) {
      return "x".repeat(digits.length());
    }
    return digits.substring(0, 6) + "x".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
  }

  /** A bank account as its last 4 digits, the routing number kept (it names the bank, not the customer). */
  public static String maskAccount(String account, String routing) {
    int keep = Math.min(4, account.length());
    return "x".repeat(account.length() - keep) + account.substring(account.length() - keep) + "@" + routing;
  }
}
