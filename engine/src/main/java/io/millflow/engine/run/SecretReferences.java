package io.millflow.engine.run;

import io.millflow.engine.security.FlowSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code {{secrets.NAME}}} in a step's input with the tenant's secret, in the worker, just before the step
 * runs: Zeebe's variables and the BPMN hold only the reference.
 */
final class SecretReferences {

  static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*secrets\\.([A-Za-z0-9_.-]+)\\s*}}");

  private final FlowSecrets secrets;

  SecretReferences(FlowSecrets secrets) {
    this.secrets = secrets;
  }

  Map<String, Object> resolve(String tenantId, Map<String, Object> variables, String stepId, String elementId) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    variables.forEach((name, value) -> resolved.put(name, resolveValue(tenantId, value, stepId, elementId)));
    return resolved;
  }

  @SuppressWarnings("unchecked")
  private Object resolveValue(String tenantId, Object value, String stepId, String elementId) {
    return switch (value) {
      case String text -> resolveText(tenantId, text, stepId, elementId);
      case Map<?, ?> map -> resolve(tenantId, (Map<String, Object>) map, stepId, elementId);
      case List<?> list -> {
        List<Object> items = new ArrayList<>(list.size());
        list.forEach(item -> items.add(resolveValue(tenantId, item, stepId, elementId)));
        yield items;
      }
      case null, default -> value;
    };
  }

  private String resolveText(String tenantId, String text, String stepId, String elementId) {
    if (!text.contains("{{")) {
      return text;
    }
    Matcher reference = REFERENCE.matcher(text);
    StringBuilder resolved = new StringBuilder();
    while (reference.find()) {
      String name = reference.group(1);
      String secret = secrets.value(tenantId, name).orElseThrow(() -> new InvalidStepInputException(
          "Invalid input for step '" + stepId + "' at element '" + elementId + "': it refers to the secret '" + name
              + "', which does not exist. Create it with PUT /api/secrets/" + name + " (or in the designer), then retry.",
          null));
      reference.appendReplacement(resolved, Matcher.quoteReplacement(secret));
    }
    reference.appendTail(resolved);
    return resolved.toString();
  }
}
