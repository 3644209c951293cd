package io.millflow.engine.security;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Secrets Millflow must read back in clear to use them (the HMAC keys of webhook triggers and
 * subscriptions), stored as text encrypted with the tenant's data key: {@code enc:v1:<Base64
 * nonce+ciphertext>}, bound to the tenant and to what the secret is for. A value without the prefix
 * is a secret stored before encryption existed; it is read as is and {@link #isSealed} lets a
 * migration find it.
 */
@Singleton
public class SealedSecrets {

  static final String PREFIX = "enc:v1:";

  private final TenantKeys keys;

  public SealedSecrets(TenantKeys keys) {
    this.keys = keys;
  }

  public String seal(String tenantId, String purpose, String secret) {
    return PREFIX
        + Base64.getEncoder()
            .encodeToString(
                keys.encrypt(tenantId, secret.getBytes(StandardCharsets.UTF_8), purpose));
  }

  public String open(String tenantId, String purpose, String stored) {
    if (stored == null || !isSealed(stored)) {
      return stored;
    }
    byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    return new String(keys.decrypt(tenantId, sealed, purpose), StandardCharsets.UTF_8);
  }

  /**
   * A webhook trigger's HMAC secret; current and previous share it, as rotation moves the sealed
   * value.
   */
  public static String triggerSecret(String triggerId) {
    return "trigger-secret:" + triggerId;
  }

  /** The secret that signs a subscription's deliveries. */
  public static String subscriptionSecret(java.util.UUID subscriptionId) {
    return "subscription-secret:" + subscriptionId;
  }

  public static boolean isSealed(String stored) {
    return stored.startsWith(PREFIX);
  }
}
