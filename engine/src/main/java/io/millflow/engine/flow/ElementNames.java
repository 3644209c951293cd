package io.millflow.engine.flow;

import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.millflow.engine.port.ProcessEngine;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names the designer gave a flow's elements, for what tells people about a task (outbound
 * events): read from the version the task runs, once per deployment.
 */
@Singleton
public class ElementNames {

  private static final int MAX_CACHED = 1_000;

  private final FlowService flows;
  private final BpmnValidator validator;
  private final ProcessEngine engine;
  private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

  public ElementNames(FlowService flows, BpmnValidator validator, ProcessEngine engine) {
    this.flows = flows;
    this.validator = validator;
    this.engine = engine;
  }

  /**
   * The element's name in the deployed version {@code definitionKey} (null: the flow's latest
   * version); empty when it has none.
   */
  public Optional<String> of(
      String tenantId, String flowId, String definitionKey, String elementId) {
    try {
      return named(tenantId, flowId, definitionKey, elementId);
    } catch (RuntimeException e) {
      // A name is a courtesy: an event or incident that cannot have one goes out without it.
      return Optional.empty();
    }
  }

  private Optional<String> named(
      String tenantId, String flowId, String definitionKey, String elementId) {
    if (byDefinition.size() > MAX_CACHED) {
      byDefinition.clear();
    }
    Map<String, String> names =
        definitionKey == null
            ? flows.latestBpmn(tenantId, flowId).map(this::names).orElse(Map.of())
            : byDefinition.computeIfAbsent(
                tenantId + "/" + definitionKey,
                key ->
                    engine
                        .deployedBpmn(definitionKey)
                        .or(() -> flows.latestBpmn(tenantId, flowId))
                        .map(this::names)
                        .orElse(Map.of()));
    return Optional.ofNullable(names.get(elementId)).filter(name -> !name.isBlank());
  }

  private Map<String, String> names(String bpmn) {
    Map<String, String> names = new HashMap<>();
    for (FlowElement element : validator.parse(bpmn).getModelElementsByType(FlowElement.class)) {
      if (element.getName() != null) {
        names.put(element.getId(), element.getName().strip());
      }
    }
    return names;
  }
}
