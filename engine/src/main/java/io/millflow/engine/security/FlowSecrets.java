package io.millflow.engine.security;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * A tenant's named secrets for flows ({@code {{secrets.NAME}}}), sealed at rest; listed by name
 * only.
 */
@Singleton
public class FlowSecrets {

  /** A secret as listed: never its value. */
  public record Listed(String name, Instant createdAt, Instant updatedAt) {}

  private final Jdbi jdbi;
  private final SealedSecrets sealed;

  public FlowSecrets(StateStore store, SealedSecrets sealed) {
    this.jdbi = store.jdbi();
    this.sealed = sealed;
    jdbi.registerRowMapper(ConstructorMapper.factory(Listed.class));
  }

  /**
   * @return true when the secret is new, false when an existing one was replaced
   */
  public boolean save(String tenantId, String name, String value) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            insert into flow_secret (tenant_id, name, value) values (:tenant, :name, :value)
            on conflict (tenant_id, name) do update set value = excluded.value, updated_at = now()
            returning (xmax = 0) as created""")
                .bind("tenant", tenantId)
                .bind("name", name)
                .bind("value", sealed.seal(tenantId, purpose(name), value))
                .mapTo(Boolean.class)
                .one());
  }

  public Optional<String> value(String tenantId, String name) {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        "select value from flow_secret where tenant_id = :tenant and name = :name")
                    .bind("tenant", tenantId)
                    .bind("name", name)
                    .mapTo(String.class)
                    .findOne())
        .map(stored -> sealed.open(tenantId, purpose(name), stored));
  }

  public List<Listed> list(String tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select name, created_at, updated_at from flow_secret where tenant_id = :tenant order by name")
                .bind("tenant", tenantId)
                .mapTo(Listed.class)
                .list());
  }

  public boolean delete(String tenantId, String name) {
    return jdbi.withHandle(
            h ->
                h.createUpdate("delete from flow_secret where tenant_id = :tenant and name = :name")
                    .bind("tenant", tenantId)
                    .bind("name", name)
                    .execute())
        == 1;
  }

  private static String purpose(String name) {
    return "flow-secret:" + name;
  }
}
