package io.millflow.engine.flow;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.port.FlowRefusedException;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Validates a BPMN, gives its process id and message names their engine-wide form (another tenant's
 * are prefixed), deploys it to the engine and keeps the version. The stored BPMN is the user's, so
 * a download gives back what was drawn.
 */
@Singleton
public class FlowDeployer {

  private final BpmnValidator validator;
  private final ProcessEngine engine;
  private final FlowOwners owners;
  private final FlowLimits limits;
  private final Jdbi jdbi;
  private final SchedulePauses pauses;

  public FlowDeployer(
      BpmnValidator validator,
      ProcessEngine engine,
      FlowOwners owners,
      StateStore store,
      MillflowConfig config,
      SchedulePauses pauses) {
    this.pauses = pauses;
    this.validator = validator;
    this.engine = engine;
    this.owners = owners;
    this.limits = FlowLimits.of(config.flows());
    this.jdbi = store.jdbi();
    jdbi.registerRowMapper(ConstructorMapper.factory(DeployedFlow.class));
  }

  /**
   * Deploys a flow a user submits, within the {@link FlowLimits}.
   *
   * @throws FlowTooLargeException when it is over one, before it is parsed (bytes) or reaches the
   *     engine (elements)
   */
  public DeployedFlow submit(String tenantId, String xml) {
    return deploy(tenantId, xml, "api", limits);
  }

  /**
   * Deploys a flow the runtime holds already (bundled, or stored when it was submitted): never
   * refused for size.
   */
  public DeployedFlow deploy(String tenantId, String xml, String origin) {
    return deploy(tenantId, xml, origin, FlowLimits.NONE);
  }

  private DeployedFlow deploy(String tenantId, String xml, String origin, FlowLimits limits) {
    limits.checkSize(xml);
    BpmnModelInstance model = validator.parse(xml);
    limits.checkElements(model);
    Process process =
        model.getModelElementsByType(Process.class).stream()
            .filter(Process::isExecutable)
            .findFirst()
            .orElseThrow();
    String flowId = process.getId();
    String processId = owners.processId(tenantId, flowId);
    refuseTakenProcessId(tenantId, flowId, processId);
    model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Message.class).stream()
        .filter(message -> message.getName() != null)
        .forEach(message -> message.setName(owners.messageName(tenantId, message.getName())));
    process.setId(processId);
    sendToEngine(Bpmn.convertToString(model), processId);
    pauses.afterDeploy(tenantId, flowId);
    process.setId(flowId);
    return store(tenantId, process, processId, xml, origin);
  }

  /**
   * A process id another tenant's flow has in Zeebe (e.g. {@code acme.orders}) cannot be taken
   * over.
   */
  private void refuseTakenProcessId(String tenantId, String flowId, String processId) {
    boolean taken =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
            select exists (select 1 from flow where zeebe_process_id = :process and not (tenant_id = :tenant and id = :id))""")
                    .bind("process", processId)
                    .bind("tenant", tenantId)
                    .bind("id", flowId)
                    .mapTo(Boolean.class)
                    .one());
    if (taken) {
      throw new InvalidFlowException(
          List.of(
              new FlowProblem(
                  flowId,
                  "The process id '"
                      + flowId
                      + "' is taken in this "
                      + "engine by another tenant's flow; give the process another id")));
    }
  }

  private void sendToEngine(String preparedXml, String processId) {
    try {
      engine.deploy(processId, preparedXml);
    } catch (FlowRefusedException e) {
      throw new InvalidFlowException(
          e.problems().stream()
              .map(problem -> new FlowProblem(problem.elementId(), problem.reason()))
              .toList());
    }
  }

  private DeployedFlow store(
      String tenantId, Process process, String processId, String xml, String origin) {
    return jdbi.inTransaction(
        h -> {
          h.execute("select pg_advisory_xact_lock(hashtext(?))", tenantId + "/" + process.getId());
          var latest =
              h.createQuery(
                      """
              select version, bpmn from flow where tenant_id = :tenant and id = :id order by version desc limit 1""")
                  .bind("tenant", tenantId)
                  .bind("id", process.getId())
                  .map((rs, ctx) -> new StoredVersion(rs.getInt("version"), rs.getString("bpmn")))
                  .findOne();
          if (latest.isPresent() && latest.get().bpmn().equals(xml)) {
            return find(h, tenantId, process.getId(), latest.get().version());
          }
          int version = latest.map(stored -> stored.version() + 1).orElse(1);
          h.createUpdate(
                  """
              insert into flow (tenant_id, id, version, name, origin, bpmn, zeebe_process_id)
              values (:tenant, :id, :version, :name, :origin, :bpmn, :processId)""")
              .bind("tenant", tenantId)
              .bind("id", process.getId())
              .bind("version", version)
              .bind("processId", processId)
              .bind("name", process.getName() == null ? process.getId() : process.getName())
              .bind("origin", origin)
              .bind("bpmn", xml)
              .execute();
          return find(h, tenantId, process.getId(), version);
        });
  }

  private record StoredVersion(int version, String bpmn) {}

  private static DeployedFlow find(
      org.jdbi.v3.core.Handle h, String tenantId, String id, int version) {
    return h.createQuery(
            "select id, name, version, origin, deployed_at from flow where tenant_id = :tenant and id = :id and version = :version")
        .bind("tenant", tenantId)
        .bind("id", id)
        .bind("version", version)
        .mapTo(DeployedFlow.class)
        .one();
  }
}
