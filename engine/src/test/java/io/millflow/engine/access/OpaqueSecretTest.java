package io.millflow.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The stored forms of a secret's hash must never change: tokens issued before still work. */
class OpaqueSecretTest {

  private static final String SHA256_OF_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void hashesTheUtf8BytesWithSha256AsBytesAndAsLowerCaseHex() {
    assertThat(OpaqueSecret.hash("abc")).isEqualTo(HexFormat.of().parseHex(SHA256_OF_ABC));
    assertThat(OpaqueSecret.hexHash("abc")).isEqualTo(SHA256_OF_ABC);
  }

  @Test
  void generatesA256BitUrlSafeSecretThatDiffersEachTime() {
    String secret = OpaqueSecret.generate();

    assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(OpaqueSecret.generate()).isNotEqualTo(secret);
  }
}
