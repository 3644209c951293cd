package io.millflow.engine.flow;

import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The service tasks of a flow's latest version, each with its step type, for what must know a
 * flow's steps.
 */
@Singleton
public class FlowTasks {

  /**
   * One service task: its element id and the step type it runs (a FEEL expression when the type is
   * computed).
   */
  public record Task(String elementId, String stepType) {}

  private final FlowService flows;
  private final BpmnValidator validator;

  public FlowTasks(FlowService flows, BpmnValidator validator) {
    this.flows = flows;
    this.validator = validator;
  }

  /** The tasks of the tenant's flow, in document order; empty when the tenant has no such flow. */
  public Optional<List<Task>> of(String tenantId, String flowId) {
    return flows
        .latestBpmn(tenantId, flowId)
        .map(
            bpmn ->
                validator.parse(bpmn).getModelElementsByType(ServiceTask.class).stream()
                    .map(task -> new Task(task.getId(), typeOf(task)))
                    .toList());
  }

  private static String typeOf(ServiceTask task) {
    ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
    return definition == null ? null : definition.getType();
  }
}
