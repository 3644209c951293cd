package io.millflow.engine.sync;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The backfills and refreshes asked for, and the runs that carry them out. The request is stored
 * before its run starts and travels to the run's source steps as the variable {@value #VARIABLE},
 * so a source reads as asked even when it runs before the API has recorded the run. A request binds
 * to the first run that claims it and to no other: a run that brings someone else's request id
 * reads incrementally, as if it had none.
 */
@Singleton
public class SyncModes {

  /** The process variable that carries a request's id to the run's source steps. */
  public static final String VARIABLE = "millflowSyncRequest";

  private final Jdbi jdbi;

  @Inject
  public SyncModes(StateStore store) {
    this(store.jdbi());
  }

  SyncModes(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Records a backfill or refresh of a tenant's flow, before its run starts; returns the request's
   * id.
   */
  public UUID request(String tenantId, String flowId, SyncMode mode) {
    UUID id = UUID.randomUUID();
    Instant from = mode instanceof SyncMode.Backfill backfill ? backfill.from() : null;
    Instant to = mode instanceof SyncMode.Backfill backfill ? backfill.to() : null;
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into sync_run (id, tenant_id, flow_id, kind, window_from, window_to)
            values (:id, :tenant, :flow, :kind, :from, :to)""")
                .bind("id", id)
                .bind("tenant", tenantId)
                .bind("flow", flowId)
                .bind("kind", mode.kind())
                .bindByType("from", from, Instant.class)
                .bindByType("to", to, Instant.class)
                .execute());
    return id;
  }

  /**
   * The mode of a request for this run of this flow, binding the request to the run; empty when the
   * request is not the flow's, or already carried out by another run.
   */
  public Optional<SyncMode> bind(UUID request, String tenantId, String flowId, UUID runId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            update sync_run set run_id = :run
            where id = :id and tenant_id = :tenant and flow_id = :flow and (run_id is null or run_id = :run)
            returning kind, window_from, window_to""")
                .bind("run", runId)
                .bind("id", request)
                .bind("tenant", tenantId)
                .bind("flow", flowId)
                .map((rs, ctx) -> mode(rs))
                .findOne());
  }

  /** How the run reads: as a request bound to it says, else incrementally. */
  public SyncMode of(UUID runId) {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        "select kind, window_from, window_to from sync_run where run_id = :run")
                    .bind("run", runId)
                    .map((rs, ctx) -> mode(rs))
                    .findOne())
        .orElse(new SyncMode.Incremental());
  }

  /** The request id a source step was handed, if it is one. */
  public static Optional<UUID> requestId(Object variable) {
    try {
      return variable instanceof String text
          ? Optional.of(UUID.fromString(text))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static SyncMode mode(ResultSet row) throws SQLException {
    return switch (row.getString("kind")) {
      case "backfill" ->
          new SyncMode.Backfill(
              row.getObject("window_from", OffsetDateTime.class).toInstant(),
              row.getObject("window_to", OffsetDateTime.class).toInstant());
      case "refresh" -> new SyncMode.Refresh();
      default ->
          throw new IllegalStateException("Unknown sync run kind '" + row.getString("kind") + "'");
    };
  }
}
