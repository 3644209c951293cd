package io.millflow.engine.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A secret that Millflow hands out once and afterwards only recognises (API tokens, download
 * tickets): 32 random bytes, URL-safe base64 without padding, of which only the SHA-256 is stored.
 * A fast hash is enough for a secret of that strength; a slow one would only slow every request.
 */
public final class OpaqueSecret {

  private static final SecureRandom RANDOM = new SecureRandom();

  private OpaqueSecret() {}

  /** A new secret: 256 random bits, 43 URL-safe characters. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SHA-256 of the secret's UTF-8 bytes, as stored in a {@code bytea} column. */
  public static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM has no SHA-256", e);
    }
  }

  /** The same hash in lower-case hex, as stored in a {@code text} column. */
  public static String hexHash(String secret) {
    return HexFormat.of().formatHex(hash(secret));
  }
}
