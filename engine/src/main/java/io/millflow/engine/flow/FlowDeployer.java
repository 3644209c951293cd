package io.millflow.engine.flow;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.millflow.engine.store.StateStore;
import io.millflow.engine.zeebe.ZeebeRuntime;
import jakarta.inject.Singleton;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Validates a BPMN, adds the end listener that tells the run history when an instance finishes, deploys it to Zeebe and
 * keeps the version. The stored BPMN is the user's, without the listener, so a download gives back what was drawn.
 */
@Singleton
public class FlowDeployer {

  /** Job type of the end listener added to every process; {@code RunEndListener} handles it. */
  public static final String RUN_END_JOB_TYPE = "millflow.run-end";

  private final BpmnValidator validator;
  private final ZeebeRuntime zeebe;
  private final FlowOwners owners;
  private final Jdbi jdbi;

  public FlowDeployer(BpmnValidator validator, ZeebeRuntime zeebe, FlowOwners owners, StateStore store) {
    this.validator = validator;
    this.zeebe = zeebe;
    this.owners = owners;
    this.jdbi = store.jdbi();
    jdbi.registerRowMapper(ConstructorMapper.factory(DeployedFlow.class));
  }

  public DeployedFlow deploy(String tenantId, String xml, String origin) {
    BpmnModelInstance model = validator.parse(xml);
    Process process = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).findFirst().orElseThrow();
    String flowId = process.getId();
    String processId = owners.processId(tenantId, flowId);
    refuseTakenProcessId(tenantId, flowId, processId);
    addRunEndListener(model, process);
    model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Message.class).stream()
        .filter(message -> message.getName() != null)
        .forEach(message -> message.setName(owners.messageName(tenantId, message.getName())));
    process.setId(processId);
    sendToZeebe(Bpmn.convertToString(model), processId);
    process.setId(flowId);
    return store(tenantId, process, processId, xml, origin);
  }

  /** A process id another tenant's flow has in Zeebe (e.g. {@code acme.orders}) cannot be taken over. */
  private void refuseTakenProcessId(String tenantId, String flowId, String processId) {
    boolean taken = jdbi.withHandle(h -> h.createQuery("""
            select exists (select 1 from flow where zeebe_process_id = :process and not (tenant_id = :tenant and id = :id))""")
        .bind("process", processId).bind("tenant", tenantId).bind("id", flowId).mapTo(Boolean.class).one());
    if (taken) {
      throw new InvalidFlowException(List.of(new FlowProblem(flowId, "The process id '" + flowId + "' is taken in this "
          + "engine by another tenant's flow; give the process another id")));
    }
  }

  private static void addRunEndListener(BpmnModelInstance model, Process process) {
    boolean present = process.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.ExtensionElements.class).stream()
        .flatMap(ext -> ext.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners.class).stream())
        .flatMap(listeners -> listeners.getChildElementsByType(ZeebeExecutionListener.class).stream())
        .anyMatch(l -> l.getEventType() == ZeebeExecutionListenerEventType.end && RUN_END_JOB_TYPE.equals(l.getType()));
    if (!present) {
      new ProcessBuilder(model, process).zeebeEndExecutionListener(RUN_END_JOB_TYPE);
    }
  }

  private void sendToZeebe(String preparedXml, String processId) {
    try {
      zeebe.client().newDeployResourceCommand().addResourceStringUtf8(preparedXml, processId + ".bpmn").send().join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == io.grpc.Status.Code.INVALID_ARGUMENT) {
        throw new InvalidFlowException(List.of(new FlowProblem(null, "Zeebe rejected the flow: " + e.getMessage())));
      }
      throw e;
    }
  }

  private DeployedFlow store(String tenantId, Process process, String processId, String xml, String origin) {
    return jdbi.inTransaction(h -> {
      h.execute("select pg_advisory_xact_lock(hashtext(?))", tenantId + "/" + process.getId());
      var latest = h.createQuery("""
              select version, bpmn from flow where tenant_id = :tenant and id = :id order by version desc limit 1""")
          .bind("tenant", tenantId).bind("id", process.getId())
          .map((rs, ctx) -> new StoredVersion(rs.getInt("version"), rs.getString("bpmn"))).findOne();
      if (latest.isPresent() && latest.get().bpmn().equals(xml)) {
        return find(h, tenantId, process.getId(), latest.get().version());
      }
      int version = latest.map(stored -> stored.version() + 1).orElse(1);
      h.createUpdate("""
              insert into flow (tenant_id, id, version, name, origin, bpmn, zeebe_process_id)
              values (:tenant, :id, :version, :name, :origin, :bpmn, :processId)""")
          .bind("tenant", tenantId).bind("id", process.getId()).bind("version", version).bind("processId", processId)
          .bind("name", process.getName() == null ? process.getId() : process.getName())
          .bind("origin", origin).bind("bpmn", xml).execute();
      return find(h, tenantId, process.getId(), version);
    });
  }

  private record StoredVersion(int version, String bpmn) {}

  private static DeployedFlow find(org.jdbi.v3.core.Handle h, String tenantId, String id, int version) {
    return h.createQuery("select id, name, version, origin, deployed_at from flow where tenant_id = :tenant and id = :id and version = :version")
        .bind("tenant", tenantId).bind("id", id).bind("version", version).mapTo(DeployedFlow.class).one();
  }
}
