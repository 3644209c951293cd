package io.millflow.engine.flow;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.millflow.engine.catalog.StepCatalog;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a BPMN before it reaches Zeebe: it must parse, hold exactly one executable process, and
 * every service task must name a step type Millflow knows. Zeebe's own deploy-time validation runs
 * after this.
 */
@Singleton
public class BpmnValidator {

  private final StepCatalog steps;

  public BpmnValidator(StepCatalog steps) {
    this.steps = steps;
  }

  public BpmnModelInstance parse(String xml) {
    BpmnModelInstance model;
    try {
      model =
          Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      throw new InvalidFlowException(
          List.of(new FlowProblem(null, "The BPMN could not be parsed: " + rootMessage(e))));
    }
    List<FlowProblem> problems = new ArrayList<>();
    checkOneExecutableProcess(model, problems);
    checkServiceTasks(model, problems);
    if (!problems.isEmpty()) {
      throw new InvalidFlowException(problems);
    }
    return model;
  }

  private static void checkOneExecutableProcess(
      BpmnModelInstance model, List<FlowProblem> problems) {
    List<Process> executable =
        model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
    if (executable.size() != 1) {
      problems.add(
          new FlowProblem(
              null,
              "A flow must contain exactly one executable process; found "
                  + executable.size()
                  + ". Set isExecutable=\"true\" on the process to run."));
    }
  }

  private void checkServiceTasks(BpmnModelInstance model, List<FlowProblem> problems) {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
      if (definition == null || definition.getType() == null || definition.getType().isBlank()) {
        problems.add(
            new FlowProblem(
                task.getId(),
                "The service task has no task type: choose a Millflow step for it "
                    + "(an element template), which sets zeebe:taskDefinition type."));
      } else if (!definition.getType().startsWith("=") && !steps.contains(definition.getType())) {
        problems.add(
            new FlowProblem(
                task.getId(),
                "Unknown step type '"
                    + definition.getType()
                    + "'. Known step types: "
                    + String.join(", ", steps.all().stream().map(d -> d.id()).toList())
                    + "."));
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? e.getMessage() : root.getMessage();
  }
}
