package io.millflow.engine.sync;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Where incremental reads resume. A read step's cursor is staged with its run and committed only when the run
 * completes, after its sinks have written: a run that fails anywhere leaves the committed cursor where it was, so the
 * next run reads the same changes again (the sinks' upserts make that harmless) and no change is ever skipped.
 */
@Singleton
public class SyncCursors {

  /** A committed cursor, for the API. */
  public record Committed(String elementId, String connection, String cursor, UUID runId, Instant updatedAt) {}

  private final Jdbi jdbi;

  @Inject
  public SyncCursors(StateStore store) {
    this(store.jdbi());
  }

  SyncCursors(Jdbi jdbi) {
    this.jdbi = jdbi;
    jdbi.registerRowMapper(ConstructorMapper.factory(Committed.class));
  }

  public Optional<String> committed(String tenantId, String flowId, String elementId, String connection) {
    return jdbi.withHandle(h -> h.createQuery("""
            select cursor from sync_state
            where tenant_id = :tenant and flow_id = :flow and element_id = :element and connection = :connection""")
        .bind("tenant", tenantId).bind("flow", flowId).bind("element", elementId).bind("connection", connection)
        .mapTo(String.class).findOne());
  }

  public void stage(UUID runId, String elementId, String connection, String cursor) {
    jdbi.useHandle(h -> h.createUpdate("""
            insert into sync_cursor_staged (run_id, element_id, connection, cursor)
            values (:run, :element, :connection, :cursor)
            on conflict (run_id, element_id, connection) do update set cursor = excluded.cursor, staged_at = now()""")
        .bind("run", runId).bind("element", elementId).bind("connection", connection).bind("cursor", cursor).execute());
  }

  /** Moves the run's staged cursors into the committed state, in one transaction. */
  public int commit(UUID runId) {
    return jdbi.inTransaction(h -> {
      int committed = h.createUpdate("""
              insert into sync_state (tenant_id, flow_id, element_id, connection, cursor, run_id)
              select r.tenant_id, r.flow_id, s.element_id, s.connection, s.cursor, s.run_id
              from sync_cursor_staged s join flow_run r on r.id = s.run_id where s.run_id = :run
              on conflict (tenant_id, flow_id, element_id, connection) do update
                set cursor = excluded.cursor, run_id = excluded.run_id, updated_at = now()""")
          .bind("run", runId).execute();
      h.createUpdate("delete from sync_cursor_staged where run_id = :run").bind("run", runId).execute();
      return committed;
    });
  }

  public List<Committed> list(String tenantId, String flowId) {
    return jdbi.withHandle(h -> h.createQuery("""
            select element_id, connection, cursor, run_id, updated_at from sync_state
            where tenant_id = :tenant and flow_id = :flow order by element_id, connection""")
        .bind("tenant", tenantId).bind("flow", flowId).mapTo(Committed.class).list());
  }

  /** Forgets a flow's cursors: its next run reads everything again. */
  public int reset(String tenantId, String flowId) {
    return jdbi.withHandle(h -> h.createUpdate("delete from sync_state where tenant_id = :tenant and flow_id = :flow")
        .bind("tenant", tenantId).bind("flow", flowId).execute());
  }
}
