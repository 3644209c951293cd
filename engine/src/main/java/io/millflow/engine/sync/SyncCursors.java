package io.millflow.engine.sync;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Where incremental reads resume. A read step's cursor is staged with its run and committed only
 * when the run completes, after its sinks have written: a run that fails anywhere leaves the
 * committed cursor where it was, so the next run reads the same changes again (the sinks' upserts
 * make that harmless) and no change is ever skipped. A committed cursor only moves forwards, and a
 * backfill never moves it.
 */
@Singleton
public class SyncCursors {

  /** A committed cursor, for the API. */
  public record Committed(
      String elementId, String connection, String cursor, UUID runId, Instant updatedAt) {}

  private final Jdbi jdbi;
  private final SyncModes modes;

  @Inject
  public SyncCursors(StateStore store, SyncModes modes) {
    this(store.jdbi(), modes);
  }

  SyncCursors(Jdbi jdbi, SyncModes modes) {
    this.jdbi = jdbi;
    this.modes = modes;
    jdbi.registerRowMapper(ConstructorMapper.factory(Committed.class));
  }

  public Optional<String> committed(
      String tenantId, String flowId, String elementId, String connection) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select cursor from sync_state
            where tenant_id = :tenant and flow_id = :flow and element_id = :element and connection = :connection""")
                .bind("tenant", tenantId)
                .bind("flow", flowId)
                .bind("element", elementId)
                .bind("connection", connection)
                .mapTo(String.class)
                .findOne());
  }

  public void stage(UUID runId, String elementId, String connection, String cursor) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into sync_cursor_staged (run_id, element_id, connection, cursor)
            values (:run, :element, :connection, :cursor)
            on conflict (run_id, element_id, connection) do update set cursor = excluded.cursor, staged_at = now()""")
                .bind("run", runId)
                .bind("element", elementId)
                .bind("connection", connection)
                .bind("cursor", cursor)
                .execute());
  }

  /**
   * Moves the run's staged cursors into the committed state, in one transaction, as the run's
   * {@link SyncMode} says: a backfill's are dropped, never committed; any other run's move a cursor
   * only forwards (a refresh, or a run that started before another one committed, must not move it
   * back past a newer cursor). Cursors that cannot be ordered ({@link CursorOrder}) are committed
   * as before: the run that completes last sets them.
   *
   * @return how many cursors moved
   */
  public int commit(UUID runId) {
    boolean backfill = modes.of(runId) instanceof SyncMode.Backfill;
    return jdbi.inTransaction(
        h -> {
          List<Staged> staged =
              backfill
                  ? List.of()
                  : h.createQuery(
                          """
              select r.tenant_id, r.flow_id, s.element_id, s.connection, s.cursor
              from sync_cursor_staged s join flow_run r on r.id = s.run_id where s.run_id = :run""")
                      .bind("run", runId)
                      .map(
                          (rs, ctx) ->
                              new Staged(
                                  rs.getString("tenant_id"),
                                  rs.getString("flow_id"),
                                  rs.getString("element_id"),
                                  rs.getString("connection"),
                                  rs.getString("cursor")))
                      .list();
          int committed = 0;
          for (Staged cursor : staged) {
            committed += commit(h, cursor, runId) ? 1 : 0;
          }
          h.createUpdate("delete from sync_cursor_staged where run_id = :run")
              .bind("run", runId)
              .execute();
          return committed;
        });
  }

  /** A cursor a run staged, with the flow it belongs to. */
  private record Staged(
      String tenantId, String flowId, String elementId, String connection, String cursor) {

    /** Binds the cursor's key: tenant, flow, element and connection. */
    <S extends SqlStatement<S>> S bindKey(S statement) {
      return statement
          .bind("tenant", tenantId)
          .bind("flow", flowId)
          .bind("element", elementId)
          .bind("connection", connection);
    }
  }

  private static boolean commit(Handle h, Staged staged, UUID runId) {
    boolean inserted =
        staged
                .bindKey(
                    h.createUpdate(
                        """
            insert into sync_state (tenant_id, flow_id, element_id, connection, cursor, run_id)
            values (:tenant, :flow, :element, :connection, :cursor, :run) on conflict do nothing"""))
                .bind("cursor", staged.cursor())
                .bind("run", runId)
                .execute()
            == 1;
    if (inserted) {
      return true;
    }
    // Locked until this transaction ends, so a run committing at the same time compares with this
    // one's cursor.
    String current =
        staged
            .bindKey(
                h.createQuery(
                    """
            select cursor from sync_state where tenant_id = :tenant and flow_id = :flow and element_id = :element
              and connection = :connection for update"""))
            .mapTo(String.class)
            .one();
    if (!CursorOrder.isAfter(staged.cursor(), current).orElse(true)) {
      return false;
    }
    staged
        .bindKey(
            h.createUpdate(
                """
            update sync_state set cursor = :cursor, run_id = :run, updated_at = now()
            where tenant_id = :tenant and flow_id = :flow and element_id = :element and connection = :connection"""))
        .bind("cursor", staged.cursor())
        .bind("run", runId)
        .execute();
    return true;
  }

  public List<Committed> list(String tenantId, String flowId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select element_id, connection, cursor, run_id, updated_at from sync_state
            where tenant_id = :tenant and flow_id = :flow order by element_id, connection""")
                .bind("tenant", tenantId)
                .bind("flow", flowId)
                .mapTo(Committed.class)
                .list());
  }

  /** Forgets a flow's cursors: its next run reads everything again. */
  public int reset(String tenantId, String flowId) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("delete from sync_state where tenant_id = :tenant and flow_id = :flow")
                .bind("tenant", tenantId)
                .bind("flow", flowId)
                .execute());
  }
}
