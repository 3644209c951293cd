package io.millflow.engine.access;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The append-only record of API actions; the table refuses updates and deletes (see V8). */
@Singleton
public class AuditLog {

  private final Jdbi jdbi;

  public AuditLog(StateStore store) {
    this.jdbi = store.jdbi();
    jdbi.registerRowMapper(ConstructorMapper.factory(AuditEntry.class));
  }

  public void record(Caller caller, String action, String resource, int outcome) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into audit_log (tenant_id, token_id, token_name, action, resource, outcome)
            values (:tenant, :tokenId, :tokenName, :action, :resource, :outcome)""")
                .bind("tenant", caller.tenantId())
                .bind("tokenId", caller.tokenId())
                .bind("tokenName", caller.tokenName())
                .bind("action", action)
                .bind("resource", resource)
                .bind("outcome", outcome)
                .execute());
  }

  /** Newest first; {@code action} and {@code since} may be null. */
  public List<AuditEntry> list(String tenantId, String action, Instant since, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select id, at, token_id, token_name, action, resource, outcome from audit_log
            where tenant_id = :tenant and (cast(:action as text) is null or action = :action)
              and (cast(:since as timestamptz) is null or at >= :since)
            order by at desc, id desc limit :limit""")
                .bind("tenant", tenantId)
                .bind("action", action)
                .bind("since", since)
                .bind("limit", limit)
                .mapTo(AuditEntry.class)
                .list());
  }
}
