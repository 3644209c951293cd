package io.millflow.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A master key is replaced without re-encrypting anything but the tenants' wrapped data keys. */
@QuarkusTest
class MasterKeyRotationTest {

  @Inject StateStore store;

  @Test
  void rotatingTheMasterKeyRewrapsTenantKeysAndEverySecretStillOpens() {
    String tenant = "rotation-" + System.nanoTime();
    MasterKey old = new MasterKey(Aead.newKey());
    MasterKey current = new MasterKey(Aead.newKey());
    byte[] sealed =
        new TenantKeys(store, old, Optional.empty())
            .encrypt(tenant, "erp-password".getBytes(StandardCharsets.UTF_8), "connection:erp");

    TenantKeys rotating = new TenantKeys(store, current, Optional.of(old));
    assertThat(rotating.rewrapAll()).isGreaterThanOrEqualTo(1);

    assertThat(masterKeyOf(tenant)).isEqualTo(current.id());
    TenantKeys afterwards = new TenantKeys(store, current, Optional.empty());
    assertThat(
            new String(
                afterwards.decrypt(tenant, sealed, "connection:erp"), StandardCharsets.UTF_8))
        .isEqualTo("erp-password");
  }

  @Test
  void theOldKeyAloneNoLongerOpensARewrappedTenantKeyAndSaysWhichKeyItNeeds() {
    String tenant = "rotated-away-" + System.nanoTime();
    MasterKey old = new MasterKey(Aead.newKey());
    MasterKey current = new MasterKey(Aead.newKey());
    new TenantKeys(store, old, Optional.empty()).encrypt(tenant, new byte[] {1}, "x");
    new TenantKeys(store, current, Optional.of(old)).encrypt(tenant, new byte[] {2}, "x");

    assertThatThrownBy(
            () -> new TenantKeys(store, old, Optional.empty()).encrypt(tenant, new byte[] {3}, "x"))
        .hasMessageContaining(current.id())
        .hasMessageContaining(old.id());
  }

  private String masterKeyOf(String tenant) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select master_key_id from tenant_key where tenant_id = :t")
                    .bind("t", tenant)
                    .mapTo(String.class)
                    .one());
  }
}
