package io.millflow.engine.flow;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.millflow.engine.port.ProcessEngine;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which secrets a task may have filled in, and where: only the {@code {{secrets.NAME}}} references
 * the flow's designer wrote into the task's input mappings, each only into the input it was written
 * for. A reference that arrives as data (a webhook payload mapped into an input, a record) is never
 * resolved, so whoever can send data to a flow cannot make it reveal a secret.
 */
@Singleton
public class AuthoredSecrets {

  public static final Pattern REFERENCE =
      Pattern.compile("\\{\\{\\s*secrets\\.([A-Za-z0-9_.-]+)\\s*}}");
  private static final int MAX_CACHED = 1_000;

  private final FlowService flows;
  private final BpmnValidator validator;
  private final ProcessEngine engine;

  /** The references of each element of a BPMN, by the BPMN's text: parsed once per flow version. */
  private final Map<String, Map<String, Map<String, Set<String>>>> byBpmn =
      new ConcurrentHashMap<>();

  /**
   * The references of each element, by the tenant and the engine's deployed process definition,
   * whose BPMN never changes: read from the engine once per deployment (the version the task runs),
   * not from the store once per attempt.
   */
  private final Map<String, Map<String, Map<String, Set<String>>>> byDefinition =
      new ConcurrentHashMap<>();

  public AuthoredSecrets(FlowService flows, BpmnValidator validator, ProcessEngine engine) {
    this.flows = flows;
    this.validator = validator;
    this.engine = engine;
  }

  /**
   * The secret names each input of the element may have filled in, by the input's (top-level)
   * variable name, in the deployed version of the flow the task runs ({@code definitionKey}; null:
   * the flow's latest version).
   */
  public Map<String, Set<String>> of(
      String tenantId, String flowId, String definitionKey, String elementId) {
    if (definitionKey == null) {
      return of(tenantId, flowId, elementId);
    }
    if (byDefinition.size() > MAX_CACHED) {
      byDefinition.clear();
    }
    Map<String, Map<String, Set<String>>> byElement =
        byDefinition.get(tenantId + "/" + definitionKey);
    if (byElement == null) {
      Optional<String> deployed = engine.deployedBpmn(definitionKey);
      if (deployed.isEmpty()) {
        return of(tenantId, flowId, elementId);
      }
      byElement = byBpmn(deployed.get());
      byDefinition.put(tenantId + "/" + definitionKey, byElement);
    }
    return byElement.getOrDefault(elementId, Map.of());
  }

  /**
   * The secret names each input of the element may have filled in, by the input's (top-level)
   * variable name, from the flow's latest version.
   */
  public Map<String, Set<String>> of(String tenantId, String flowId, String elementId) {
    Optional<String> bpmn = flows.latestBpmn(tenantId, flowId);
    if (bpmn.isEmpty()) {
      return Map.of();
    }
    return byBpmn(bpmn.get()).getOrDefault(elementId, Map.of());
  }

  private Map<String, Map<String, Set<String>>> byBpmn(String bpmn) {
    if (byBpmn.size() > MAX_CACHED) {
      byBpmn.clear();
    }
    return byBpmn.computeIfAbsent(bpmn, this::referencesByElement);
  }

  private Map<String, Map<String, Set<String>>> referencesByElement(String bpmn) {
    BpmnModelInstance model = validator.parse(bpmn);
    Map<String, Map<String, Set<String>>> byElement = new HashMap<>();
    for (ZeebeIoMapping mapping : model.getModelElementsByType(ZeebeIoMapping.class)) {
      if (!(mapping.getParentElement().getParentElement() instanceof BaseElement element)) {
        continue;
      }
      for (ZeebeInput input : mapping.getInputs()) {
        Set<String> names = names(input.getSource());
        if (!names.isEmpty() && input.getTarget() != null) {
          String variable = input.getTarget().split("\\.", 2)[0];
          byElement
              .computeIfAbsent(element.getId(), id -> new HashMap<>())
              .computeIfAbsent(variable, v -> new LinkedHashSet<>())
              .addAll(names);
        }
      }
    }
    return byElement;
  }

  private static Set<String> names(String source) {
    Set<String> names = new LinkedHashSet<>();
    if (source != null) {
      Matcher reference = REFERENCE.matcher(source);
      while (reference.find()) {
        names.add(reference.group(1));
      }
    }
    return names;
  }
}
