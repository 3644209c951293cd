package io.millflow.engine.flow;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Whose flow a Zeebe process is. One engine runs every tenant's flows, so a flow's process id in
 * Zeebe is its own id for the installation's tenant and {@code <tenant>.<id>} for any other: two
 * tenants' flows of one id never meet. Jobs name only the process id; this maps it back to the
 * tenant and the flow.
 */
@Singleton
public class FlowOwners {

  public record Owner(String tenantId, String flowId) {}

  private final Jdbi jdbi;
  private final String installationTenant;
  private final Map<String, Owner> byProcessId = new ConcurrentHashMap<>();

  public FlowOwners(StateStore store, MillflowConfig config) {
    this.jdbi = store.jdbi();
    this.installationTenant = config.tenant();
  }

  public String processId(String tenantId, String flowId) {
    return tenantId.equals(installationTenant) ? flowId : tenantId + "." + flowId;
  }

  /**
   * A message name as published to Zeebe: the installation tenant's as drawn, another tenant's
   * prefixed like its process ids, so a webhook of one tenant never correlates to another tenant's
   * waiting flow.
   */
  public String messageName(String tenantId, String name) {
    return processId(tenantId, name);
  }

  /**
   * The owner of a deployed process; a process Millflow did not deploy (put on a shared cluster by
   * other means) is taken as the installation tenant's.
   */
  public Owner ownerOf(String processId) {
    Owner known = byProcessId.get(processId);
    if (known != null) {
      return known;
    }
    Optional<Owner> stored =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select tenant_id, id from flow where zeebe_process_id = :process limit 1")
                    .bind("process", processId)
                    .map((rs, ctx) -> new Owner(rs.getString("tenant_id"), rs.getString("id")))
                    .findOne());
    stored.ifPresent(owner -> byProcessId.put(processId, owner));
    return stored.orElse(new Owner(installationTenant, processId));
  }
}
