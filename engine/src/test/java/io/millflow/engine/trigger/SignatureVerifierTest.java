package io.millflow.engine.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

  private static final byte[] BODY = "{\"id\":\"42\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void acceptsAPrefixedHexHmacAndRejectsATamperedBody() {
    var scheme = new SignatureScheme.Hmac("X-Hub-Signature-256", "sha256", "hex", "sha256=");
    String signature = SignatureVerifier.sign(scheme, "s3cret", BODY, NOW);

    assertThat(signature).startsWith("sha256=");
    assertThat(verify(scheme, List.of("s3cret"), BODY, signature)).isTrue();
    assertThat(
            verify(
                scheme,
                List.of("s3cret"),
                "{\"id\":\"43\"}".getBytes(StandardCharsets.UTF_8),
                signature))
        .isFalse();
    assertThat(verify(scheme, List.of("other"), BODY, signature)).isFalse();
  }

  @Test
  void acceptsBase64Sha512() {
    var scheme = new SignatureScheme.Hmac("X-Signature", "sha512", "base64", "");
    assertThat(verify(scheme, List.of("k"), BODY, SignatureVerifier.sign(scheme, "k", BODY, NOW)))
        .isTrue();
  }

  @Test
  void makiniSignsWithBase64HmacSha256InItsHeader() {
    var scheme = new SignatureScheme.Makini();
    String signature = SignatureVerifier.sign(scheme, "k", BODY, NOW);
    assertThat(
            SignatureVerifier.verifies(
                scheme, List.of("k"), BODY, Map.of("X-Webhook-Signature", signature)::get, NOW))
        .isTrue();
  }

  @Test
  void aTimestampedSignatureOutsideTheToleranceIsRejected() {
    var scheme = new SignatureScheme.Timestamped("X-Signature", 300);
    String fresh = SignatureVerifier.sign(scheme, "k", BODY, NOW);
    String stale = SignatureVerifier.sign(scheme, "k", BODY, NOW.minus(Duration.ofMinutes(6)));

    assertThat(verify(scheme, List.of("k"), BODY, fresh)).isTrue();
    assertThat(verify(scheme, List.of("k"), BODY, stale)).isFalse();
  }

  @Test
  void eitherSecretVerifiesDuringARotation() {
    var scheme = new SignatureScheme.Hmac(null, null, null, null);
    assertThat(
            verify(
                scheme,
                List.of("new", "old"),
                BODY,
                SignatureVerifier.sign(scheme, "old", BODY, NOW)))
        .isTrue();
  }

  @Test
  void aMissingSignatureIsRejected() {
    assertThat(
            SignatureVerifier.verifies(
                new SignatureScheme.Hmac(null, null, null, null),
                List.of("k"),
                BODY,
                name -> null,
                NOW))
        .isFalse();
  }

  private static boolean verify(
      SignatureScheme scheme, List<String> secrets, byte[] body, String signature) {
    return SignatureVerifier.verifies(
        scheme,
        secrets,
        body,
        name -> name.equalsIgnoreCase(scheme.header()) ? signature : null,
        NOW);
  }
}
