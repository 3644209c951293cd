package io.millflow.engine.flow;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Every stored version of a flow, newest first, and the BPMN of one (the designer's version
 * history).
 */
@Singleton
public class FlowVersions {

  private final Jdbi jdbi;

  public FlowVersions(StateStore store) {
    this.jdbi = store.jdbi();
  }

  public List<DeployedFlow> list(String tenantId, String flowId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select id, name, version, origin, deployed_at from flow
            where tenant_id = :tenant and id = :id order by version desc""")
                .bind("tenant", tenantId)
                .bind("id", flowId)
                .mapTo(DeployedFlow.class)
                .list());
  }

  /** The BPMN of one version as it was deployed (without the listener Millflow adds). */
  public Optional<String> bpmn(String tenantId, String flowId, int version) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select bpmn from flow where tenant_id = :tenant and id = :id and version = :version")
                .bind("tenant", tenantId)
                .bind("id", flowId)
                .bind("version", version)
                .mapTo(String.class)
                .findOne());
  }
}
