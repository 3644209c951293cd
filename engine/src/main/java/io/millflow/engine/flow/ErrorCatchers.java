package io.millflow.engine.flow;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Tells whether a BPMN error thrown by a task is caught: by an error boundary event on the task or
 * on an enclosing sub-process, or by an error event sub-process around it. An uncaught one becomes
 * an incident in Zeebe, which the run history shows as such.
 */
@Singleton
public class ErrorCatchers {

  private final FlowService flows;
  private final BpmnValidator validator;

  public ErrorCatchers(FlowService flows, BpmnValidator validator) {
    this.flows = flows;
    this.validator = validator;
  }

  /**
   * Unknown flows and elements count as caught: the history then waits for Zeebe rather than guess
   * an incident.
   */
  public boolean caught(String tenantId, String flowId, String elementId, String errorCode) {
    Optional<String> bpmn = flows.latestBpmn(tenantId, flowId);
    if (bpmn.isEmpty()) {
      return true;
    }
    BpmnModelInstance model = validator.parse(bpmn.get());
    ModelElementInstance element = model.getModelElementById(elementId);
    return element == null || caught(model, element, errorCode);
  }

  static boolean caught(BpmnModelInstance model, ModelElementInstance element, String errorCode) {
    for (ModelElementInstance scope = element; scope != null; scope = scope.getParentElement()) {
      if (scope instanceof Activity activity && caughtByBoundary(model, activity, errorCode)) {
        return true;
      }
      if (caughtByEventSubProcess(scope, errorCode)) {
        return true;
      }
    }
    return false;
  }

  private static boolean caughtByBoundary(
      BpmnModelInstance model, Activity activity, String errorCode) {
    return model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(boundary -> boundary.getAttachedTo() == activity)
        .anyMatch(boundary -> catchesError(boundary, errorCode));
  }

  private static boolean caughtByEventSubProcess(ModelElementInstance scope, String errorCode) {
    return scope.getChildElementsByType(SubProcess.class).stream()
        .filter(SubProcess::triggeredByEvent)
        .flatMap(sub -> sub.getChildElementsByType(StartEvent.class).stream())
        .anyMatch(start -> catchesError(start, errorCode));
  }

  private static boolean catchesError(CatchEvent event, String errorCode) {
    return event.getEventDefinitions().stream()
        .filter(ErrorEventDefinition.class::isInstance)
        .map(ErrorEventDefinition.class::cast)
        .anyMatch(
            definition ->
                definition.getError() == null
                    || definition.getError().getErrorCode() == null
                    || definition.getError().getErrorCode().equals(errorCode));
  }
}
