package io.millflow.engine.security;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.store.StateStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Envelope encryption: each tenant has its own data key, stored only wrapped by the master key,
 * created the first time the tenant encrypts anything. Unwrapped keys stay in memory only.
 */
@Singleton
public class TenantKeys {

  private record Wrapped(byte[] wrappedKey, String masterKeyId) {}

  private final Jdbi jdbi;
  private static final Logger LOG = Logger.getLogger(TenantKeys.class);

  private final MasterKey master;
  private final Optional<MasterKey> previous;
  private final Map<String, byte[]> unwrapped = new ConcurrentHashMap<>();

  @Inject
  public TenantKeys(StateStore store, MasterKey master, MillflowConfig config) {
    this(store, master, MasterKey.previous(config.security()));
  }

  TenantKeys(StateStore store, MasterKey master, Optional<MasterKey> previous) {
    this.jdbi = store.jdbi();
    this.master = master;
    this.previous = previous.filter(key -> !key.id().equals(master.id()));
  }

  /**
   * Re-wraps with the current master key every tenant key the previous one wrapped; the data keys,
   * and so everything encrypted with them, stay as they are. Runs at start; instances still on the
   * previous key keep working as long as they are also given the new one as previous (see the
   * rotation steps in docs/configuration.md).
   *
   * @return how many tenant keys were re-wrapped
   */
  public int rewrapAll() {
    if (previous.isEmpty()) {
      return 0;
    }
    List<String> tenants =
        jdbi.withHandle(
            h ->
                h.createQuery("select tenant_id from tenant_key where master_key_id = :previous")
                    .bind("previous", previous.get().id())
                    .mapTo(String.class)
                    .list());
    tenants.forEach(this::dataKey);
    if (!tenants.isEmpty()) {
      LOG.infof("Re-wrapped %d tenant keys with master key %s", tenants.size(), master.id());
    }
    return tenants.size();
  }

  /** Encrypts {@code plaintext} for the tenant; {@code purpose} must be given again to decrypt. */
  public byte[] encrypt(String tenantId, byte[] plaintext, String purpose) {
    return Aead.encrypt(dataKey(tenantId), plaintext, tenantId + "|" + purpose);
  }

  /**
   * @throws IllegalStateException naming the cause when the value does not open (wrong master key,
   *     moved data)
   */
  public byte[] decrypt(String tenantId, byte[] sealed, String purpose) {
    try {
      return Aead.decrypt(dataKey(tenantId), sealed, tenantId + "|" + purpose);
    } catch (Aead.KeyMismatchException e) {
      throw new IllegalStateException(
          "A stored secret of tenant '"
              + tenantId
              + "' ("
              + purpose
              + ") could not be"
              + " decrypted: it was altered, or copied from elsewhere. Enter it again.");
    }
  }

  private byte[] dataKey(String tenantId) {
    return unwrapped.computeIfAbsent(tenantId, this::loadOrCreate);
  }

  private byte[] loadOrCreate(String tenantId) {
    Optional<Wrapped> stored = find(tenantId);
    if (stored.isEmpty()) {
      byte[] key = Aead.newKey();
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      """
              insert into tenant_key (tenant_id, wrapped_key, master_key_id) values (:tenant, :wrapped, :master)
              on conflict (tenant_id) do nothing""")
                  .bind("tenant", tenantId)
                  .bind("wrapped", master.wrap(key, tenantId))
                  .bind("master", master.id())
                  .execute());
      stored =
          find(tenantId); // another instance may have won the race: use whichever key is stored
    }
    Wrapped wrapped = stored.orElseThrow();
    if (previous.isPresent() && wrapped.masterKeyId().equals(previous.get().id())) {
      return rewrap(tenantId, wrapped, previous.get());
    }
    if (!wrapped.masterKeyId().equals(master.id())) {
      throw new IllegalStateException(
          "The data key of tenant '"
              + tenantId
              + "' is wrapped by master key "
              + wrapped.masterKeyId()
              + ", but the configured master key is "
              + master.id()
              + ": configure the master key"
              + " this state store was created with (millflow.security.master-key-file).");
    }
    try {
      return master.unwrap(wrapped.wrappedKey(), tenantId);
    } catch (Aead.KeyMismatchException e) {
      throw new IllegalStateException(
          "The data key of tenant '"
              + tenantId
              + "' does not open with the configured"
              + " master key: the stored key was altered.");
    }
  }

  private byte[] rewrap(String tenantId, Wrapped wrapped, MasterKey old) {
    byte[] key = old.unwrap(wrapped.wrappedKey(), tenantId);
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            update tenant_key set wrapped_key = :wrapped, master_key_id = :master, rewrapped_at = now()
            where tenant_id = :tenant and master_key_id = :old""")
                .bind("wrapped", master.wrap(key, tenantId))
                .bind("master", master.id())
                .bind("tenant", tenantId)
                .bind("old", old.id())
                .execute());
    return key;
  }

  private Optional<Wrapped> find(String tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select wrapped_key, master_key_id from tenant_key where tenant_id = :t")
                .bind("t", tenantId)
                .map((rs, ctx) -> new Wrapped(rs.getBytes(1), rs.getString(2)))
                .findOne());
  }
}
