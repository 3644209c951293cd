package io.millflow.engine.flow;

import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes a flow and all its versions from the tenant's list; its runs stay in the history. Refused
 * while something still depends on it: a run in flight (deleting would strand it) or a webhook
 * trigger routing to it (its events would then fail until their retries ran out).
 */
@Singleton
public class FlowRemoval {

  private static final int NAMED = 5;

  private final Jdbi jdbi;
  private final ProcessEngine engine;
  private final FlowOwners owners;

  public FlowRemoval(StateStore store, ProcessEngine engine, FlowOwners owners) {
    this.jdbi = store.jdbi();
    this.engine = engine;
    this.owners = owners;
  }

  /**
   * @return whether the tenant had the flow
   * @throws FlowInUseException naming the runs in flight or the triggers that route to the flow, or
   *     when the flow is bundled (it comes back at every start)
   */
  public boolean delete(String tenantId, String flowId) {
    return jdbi.inTransaction(
        h -> {
          List<String> origins = origins(h, tenantId, flowId);
          if (origins.isEmpty()) {
            return false;
          }
          refuseIfInUse(h, tenantId, flowId, origins);
          stopSchedules(tenantId, flowId);
          h.createUpdate("delete from flow where tenant_id = :tenant and id = :flow")
              .bind("tenant", tenantId)
              .bind("flow", flowId)
              .execute();
          h.createUpdate(
                  "delete from paused_schedule where tenant_id = :tenant and flow_id = :flow")
              .bind("tenant", tenantId)
              .bind("flow", flowId)
              .execute();
          return true;
        });
  }

  private void refuseIfInUse(Handle h, String tenantId, String flowId, List<String> origins) {
    if (origins.contains("bundled")) {
      throw new FlowInUseException(
          "Flow '"
              + flowId
              + "' is bundled with the runtime and is deployed again at every start: it cannot be"
              + " deleted; pause its schedules instead.");
    }
    List<String> running =
        h.createQuery(
                """
                select id::text from flow_run where tenant_id = :tenant and flow_id = :flow
                and status in ('running', 'incident') order by started_at limit :limit""")
            .bind("tenant", tenantId)
            .bind("flow", flowId)
            .bind("limit", NAMED)
            .mapTo(String.class)
            .list();
    if (!running.isEmpty()) {
      throw new FlowInUseException(
          "Flow '"
              + flowId
              + "' has runs in flight ("
              + String.join(", ", running)
              + "): cancel them or let them end, then delete the flow.");
    }
    List<String> triggers =
        h.createQuery(
                """
                select name from webhook_trigger where tenant_id = :tenant
                and routes @> jsonb_build_array(jsonb_build_object('flowId', cast(:flow as text)))
                order by name""")
            .bind("tenant", tenantId)
            .bind("flow", flowId)
            .mapTo(String.class)
            .list();
    if (!triggers.isEmpty()) {
      throw new FlowInUseException(
          "Flow '"
              + flowId
              + "' is started by the webhook trigger(s) "
              + String.join(", ", triggers)
              + ": remove their routes to it or delete them, then delete the flow.");
    }
  }

  /** A deleted flow's timers must not fire again: the engine keeps its deployment. */
  private void stopSchedules(String tenantId, String flowId) {
    try {
      engine.suspendTimers(owners.processId(tenantId, flowId), true);
    } catch (UnsupportedOperationException e) {
      throw new FlowInUseException(
          e.getMessage()
              + ": remove the timer start event from flow '"
              + flowId
              + "' and deploy it, then delete the flow.");
    }
  }

  private static List<String> origins(Handle h, String tenantId, String flowId) {
    return h.createQuery(
            "select distinct origin from flow where tenant_id = :tenant and id = :flow")
        .bind("tenant", tenantId)
        .bind("flow", flowId)
        .mapTo(String.class)
        .list();
  }
}
