package io.millflow.engine.flow;

import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Pauses and resumes a flow's schedules: the engine suspends the flow's timer start events, and
 * Millflow keeps the pause, so that a new version (whose timers start active) is paused too.
 */
@Singleton
public class SchedulePauses {

  private static final Logger LOG = Logger.getLogger(SchedulePauses.class);

  private final ProcessEngine engine;
  private final FlowOwners owners;
  private final FlowService flows;
  private final Jdbi jdbi;

  public SchedulePauses(
      ProcessEngine engine, FlowOwners owners, FlowService flows, StateStore store) {
    this.engine = engine;
    this.owners = owners;
    this.flows = flows;
    this.jdbi = store.jdbi();
  }

  /**
   * @return when the flow's schedules were paused; empty when the tenant has no such flow
   * @throws RunConflictException when the engine cannot pause schedules
   */
  public Optional<Instant> pause(String tenantId, String flowId) {
    if (!flows.exists(tenantId, flowId)) {
      return Optional.empty();
    }
    suspend(tenantId, flowId, true);
    return Optional.of(
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                    insert into paused_schedule (tenant_id, flow_id) values (:tenant, :flow)
                    on conflict (tenant_id, flow_id) do update set paused_at = paused_schedule.paused_at
                    returning paused_at""")
                    .bind("tenant", tenantId)
                    .bind("flow", flowId)
                    .mapTo(Instant.class)
                    .one()));
  }

  /**
   * @return whether the tenant has the flow (its schedules run on their cycle again)
   */
  public boolean resume(String tenantId, String flowId) {
    if (!flows.exists(tenantId, flowId)) {
      return false;
    }
    suspend(tenantId, flowId, false);
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "delete from paused_schedule where tenant_id = :tenant and flow_id = :flow")
                .bind("tenant", tenantId)
                .bind("flow", flowId)
                .execute());
    return true;
  }

  /** Since when each of the tenant's paused flows is paused, by flow id. */
  public Map<String, Instant> paused(String tenantId) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "select flow_id, paused_at from paused_schedule where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  /**
   * After a deploy: a paused flow's new timers are suspended as well. An engine that cannot suspend
   * timers (a Camunda 8 cluster, over a state store a pause was made in before) does not stop the
   * deploy: the pause is named in a warning, and its timers fire.
   */
  void afterDeploy(String tenantId, String flowId) {
    if (!paused(tenantId).containsKey(flowId)) {
      return;
    }
    try {
      suspend(tenantId, flowId, true);
    } catch (RunConflictException e) {
      LOG.warnf(
          "Flow '%s' of tenant '%s' is paused, but its timers run: %s",
          flowId, tenantId, e.getMessage());
    }
  }

  private void suspend(String tenantId, String flowId, boolean suspended) {
    try {
      engine.suspendTimers(owners.processId(tenantId, flowId), suspended);
    } catch (UnsupportedOperationException e) {
      throw new RunConflictException(EngineCapabilities.PAUSE_SCHEDULES_REFUSED);
    }
  }
}
