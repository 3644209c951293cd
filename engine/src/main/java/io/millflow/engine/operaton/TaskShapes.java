package io.millflow.engine.operaton;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.impl.RepositoryServiceImpl;
import org.operaton.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.operaton.bpm.engine.impl.bpmn.parser.ErrorEventDefinition;
import org.operaton.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.operaton.bpm.engine.impl.core.variable.mapping.IoParameter;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;

/**
 * What the workers need to know of a task's element, read once from the parsed flow: the variables
 * its input mappings make, whether it has output mappings (then a completion's variables are local
 * to it, as in Zeebe), and which BPMN error codes an error event around it catches.
 */
final class TaskShapes {

  /** One service task element. */
  record Shape(Set<String> inputVariables, boolean hasOutputs, ActivityImpl activity) {

    /**
     * Whether an error boundary event or error event sub-process around the element catches this
     * code.
     */
    boolean catches(String errorCode) {
      for (ScopeImpl scope = activity; scope != null; scope = flowScope(scope)) {
        List<ErrorEventDefinition> catchers =
            scope.getProperties().get(BpmnProperties.ERROR_EVENT_DEFINITIONS);
        if (catchers != null
            && catchers.stream().anyMatch(catcher -> catcher.catchesError(errorCode))) {
          return true;
        }
      }
      return false;
    }

    private static ScopeImpl flowScope(ScopeImpl scope) {
      return scope instanceof ActivityImpl activity ? activity.getFlowScope() : null;
    }
  }

  private final RepositoryServiceImpl repository;
  private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

  TaskShapes(RepositoryService repository) {
    this.repository = (RepositoryServiceImpl) repository;
  }

  Shape of(String processDefinitionId, String activityId) {
    return shapes.computeIfAbsent(
        processDefinitionId + "/" + activityId, key -> read(processDefinitionId, activityId));
  }

  private Shape read(String processDefinitionId, String activityId) {
    ProcessDefinitionImpl definition =
        (ProcessDefinitionImpl) repository.getDeployedProcessDefinition(processDefinitionId);
    ActivityImpl activity = definition.findActivity(activityId);
    IoMapping mapping = activity.getIoMapping();
    if (mapping == null) {
      return new Shape(Set.of(), false, activity);
    }
    Set<String> inputs =
        mapping.getInputParameters().stream().map(IoParameter::getName).collect(Collectors.toSet());
    return new Shape(inputs, !mapping.getOutputParameters().isEmpty(), activity);
  }
}
