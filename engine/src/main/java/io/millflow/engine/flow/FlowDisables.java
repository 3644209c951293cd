package io.millflow.engine.flow;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Disables and enables a flow. A disabled flow starts no new run: a start through the API is
 * refused (409), its schedules are paused (as {@link SchedulePauses} pauses them), and its trigger
 * routes skip it, saying why in the event. Runs in flight go on.
 */
@Singleton
public class FlowDisables {

  private final Jdbi jdbi;
  private final SchedulePauses pauses;

  public FlowDisables(StateStore store, SchedulePauses pauses) {
    this.jdbi = store.jdbi();
    this.pauses = pauses;
  }

  /**
   * @return since when the flow is disabled; empty when the tenant has no such flow
   * @throws RunConflictException when the engine cannot pause the flow's schedules
   */
  public Optional<Instant> disable(String tenantId, String flowId) {
    if (pauses.pause(tenantId, flowId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                    insert into disabled_flow (tenant_id, flow_id) values (:tenant, :flow)
                    on conflict (tenant_id, flow_id) do update set disabled_at = disabled_flow.disabled_at
                    returning disabled_at""")
                    .bind("tenant", tenantId)
                    .bind("flow", flowId)
                    .mapTo(Instant.class)
                    .one()));
  }

  /**
   * Starts runs again and resumes the flow's schedules.
   *
   * @return whether the tenant has the flow
   */
  public boolean enable(String tenantId, String flowId) {
    if (!pauses.resume(tenantId, flowId)) {
      return false;
    }
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "delete from disabled_flow where tenant_id = :tenant and flow_id = :flow")
                .bind("tenant", tenantId)
                .bind("flow", flowId)
                .execute());
    return true;
  }
}
