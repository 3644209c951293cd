package io.millflow.engine.trigger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook request's signature against each secret that currently verifies (two during a
 * rotation). Digests are compared in constant time; every failure is just "not verified", so the
 * answer tells a forger nothing.
 */
public final class SignatureVerifier {

  private SignatureVerifier() {}

  public static boolean verifies(
      SignatureScheme scheme,
      List<String> secrets,
      byte[] body,
      Function<String, String> headers,
      Instant now) {
    String presented = headers.apply(scheme.header());
    if (presented == null || presented.isBlank()) {
      return false;
    }
    return switch (scheme) {
      case SignatureScheme.Hmac hmac ->
          secrets.stream().anyMatch(secret -> hmacMatches(hmac, secret, body, presented.trim()));
      case SignatureScheme.Makini makini ->
          secrets.stream()
              .anyMatch(
                  secret ->
                      equal(
                          Base64.getEncoder().encodeToString(mac("HmacSHA256", secret, body)),
                          presented.trim()));
      case SignatureScheme.Timestamped timestamped ->
          timestampedMatches(timestamped, secrets, body, presented, now);
    };
  }

  /** What a sender computes; used by tests and by the trigger's "send a test event" helper. */
  public static String sign(SignatureScheme scheme, String secret, byte[] body, Instant now) {
    return switch (scheme) {
      case SignatureScheme.Hmac hmac ->
          hmac.prefix() + encode(hmac.encoding(), mac(javaName(hmac.algorithm()), secret, body));
      case SignatureScheme.Makini makini ->
          Base64.getEncoder().encodeToString(mac("HmacSHA256", secret, body));
      case SignatureScheme.Timestamped timestamped ->
          "t="
              + now.getEpochSecond()
              + ",v1="
              + HexFormat.of()
                  .formatHex(
                      mac("HmacSHA256", secret, timestampedPayload(now.getEpochSecond(), body)));
    };
  }

  private static boolean hmacMatches(
      SignatureScheme.Hmac hmac, String secret, byte[] body, String presented) {
    if (!presented.startsWith(hmac.prefix())) {
      return false;
    }
    String expected = encode(hmac.encoding(), mac(javaName(hmac.algorithm()), secret, body));
    String given = presented.substring(hmac.prefix().length());
    return hmac.encoding().equals("hex")
        ? equal(expected, given.toLowerCase())
        : equal(expected, given);
  }

  private static boolean timestampedMatches(
      SignatureScheme.Timestamped scheme,
      List<String> secrets,
      byte[] body,
      String presented,
      Instant now) {
    Long timestamp = null;
    String signature = null;
    for (String part : presented.split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length == 2 && pair[0].equals("t")) {
        timestamp = parseLong(pair[1]);
      } else if (pair.length == 2 && pair[0].equals("v1")) {
        signature = pair[1].toLowerCase();
      }
    }
    if (timestamp == null
        || signature == null
        || Math.abs(now.getEpochSecond() - timestamp) > scheme.tolerance().toSeconds()) {
      return false;
    }
    byte[] payload = timestampedPayload(timestamp, body);
    String given = signature;
    return secrets.stream()
        .anyMatch(
            secret -> equal(HexFormat.of().formatHex(mac("HmacSHA256", secret, payload)), given));
  }

  private static byte[] timestampedPayload(long timestamp, byte[] body) {
    byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, payload, 0, prefix.length);
    System.arraycopy(body, 0, payload, prefix.length, body.length);
    return payload;
  }

  private static Long parseLong(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String javaName(String algorithm) {
    return algorithm.equals("sha512") ? "HmacSHA512" : "HmacSHA256";
  }

  private static byte[] mac(String algorithm, String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available in this JVM", e);
    }
  }

  private static String encode(String encoding, byte[] digest) {
    return encoding.equals("base64")
        ? Base64.getEncoder().encodeToString(digest)
        : HexFormat.of().formatHex(digest);
  }

  private static boolean equal(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
