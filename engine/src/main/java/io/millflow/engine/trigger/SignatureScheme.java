package io.millflow.engine.trigger;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.millflow.engine.input.TextInput;
import io.millflow.engine.input.TextInput.Kind;
import java.time.Duration;

/**
 * How a webhook sender signs its requests. Stored as JSON with a {@code type}: hmac, timestamped or
 * makini.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SignatureScheme.Hmac.class, name = "hmac"),
  @JsonSubTypes.Type(value = SignatureScheme.Timestamped.class, name = "timestamped"),
  @JsonSubTypes.Type(value = SignatureScheme.Makini.class, name = "makini")
})
public sealed interface SignatureScheme {

  String header();

  /**
   * An HMAC of the raw body in a header, optionally after a prefix such as {@code sha256=}.
   *
   * @param algorithm {@code sha256} or {@code sha512}
   * @param encoding {@code hex} or {@code base64}
   */
  record Hmac(
      @TextInput(Kind.NAME) String header,
      @TextInput(Kind.NAME) String algorithm,
      @TextInput(Kind.NAME) String encoding,
      @TextInput(Kind.NAME) String prefix)
      implements SignatureScheme {
    public Hmac {
      header = header == null || header.isBlank() ? "X-Signature" : header;
      algorithm = algorithm == null ? "sha256" : algorithm.toLowerCase();
      encoding = encoding == null ? "hex" : encoding.toLowerCase();
      prefix = prefix == null ? "" : prefix;
      if (!algorithm.equals("sha256") && !algorithm.equals("sha512")) {
        throw new IllegalArgumentException(
            "signature.algorithm must be sha256 or sha512, not '" + algorithm + "'");
      }
      if (!encoding.equals("hex") && !encoding.equals("base64")) {
        throw new IllegalArgumentException(
            "signature.encoding must be hex or base64, not '" + encoding + "'");
      }
    }
  }

  /**
   * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}: the signed timestamp must be within
   * the tolerance of now, so a captured request cannot be replayed later.
   */
  record Timestamped(@TextInput(Kind.NAME) String header, Integer toleranceSeconds)
      implements SignatureScheme {
    public Timestamped {
      header = header == null || header.isBlank() ? "X-Signature" : header;
      toleranceSeconds = toleranceSeconds == null ? 300 : toleranceSeconds;
      if (toleranceSeconds <= 0) {
        throw new IllegalArgumentException("signature.toleranceSeconds must be positive");
      }
    }

    Duration tolerance() {
      return Duration.ofSeconds(toleranceSeconds);
    }
  }

  /** Makini's webhooks: Base64 HMAC-SHA256 of the body in {@code X-Webhook-Signature}. */
  record Makini(@TextInput(Kind.NAME) String header) implements SignatureScheme {
    public Makini {
      header = "X-Webhook-Signature"; // fixed by Makini; a configured value is ignored
    }

    public Makini() {
      this(null);
    }
  }
}
