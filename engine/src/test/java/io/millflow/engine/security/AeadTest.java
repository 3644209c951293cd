package io.millflow.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AeadTest {

  private final byte[] key = Aead.newKey();

  @Test
  void opensWhatItSealedAndNothingElse() {
    byte[] sealed =
        Aead.encrypt(key, "s3cret".getBytes(StandardCharsets.UTF_8), "tenant-a|connection:erp");

    assertThat(
            new String(
                Aead.decrypt(key, sealed, "tenant-a|connection:erp"), StandardCharsets.UTF_8))
        .isEqualTo("s3cret");
    assertThatThrownBy(() -> Aead.decrypt(key, sealed, "tenant-b|connection:erp"))
        .isInstanceOf(Aead.KeyMismatchException.class);
    assertThatThrownBy(() -> Aead.decrypt(Aead.newKey(), sealed, "tenant-a|connection:erp"))
        .isInstanceOf(Aead.KeyMismatchException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> Aead.decrypt(key, sealed, "tenant-a|connection:erp"))
        .isInstanceOf(Aead.KeyMismatchException.class);
  }

  @Test
  void sealsTheSameTextDifferentlyEachTime() {
    byte[] plain = "same".getBytes(StandardCharsets.UTF_8);

    assertThat(Aead.encrypt(key, plain, "x")).isNotEqualTo(Aead.encrypt(key, plain, "x"));
  }

  @Test
  void aMasterKeyMustBe32Bytes() {
    assertThatThrownBy(() -> new MasterKey(new byte[16]))
        .hasMessageContaining("32 bytes")
        .hasMessageContaining("openssl rand -base64 32");
  }
}
