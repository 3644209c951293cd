package io.millflow.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The secrets one attempt's variables refer to, looked up by {@link SecretReferences}: {@code values} by name, and for
 * each name that could not be resolved, what is wrong and what to do. Only these references are filled in: a reference
 * that turns up elsewhere (in a sync cursor, which is data) stays as written.
 */
record ResolvedSecrets(Map<String, String> values, Map<String, String> problems) {

  ResolvedSecrets {
    values = Map.copyOf(values);
    problems = Map.copyOf(problems);
  }

  /** What hides these values again in whatever the attempt stores or sends. */
  Redaction redaction() {
    return Redaction.of(values);
  }

  /**
   * The variables with each reference replaced by its secret's value.
   *
   * @throws InvalidStepInputException when a reference names a secret that could not be resolved
   */
  Map<String, Object> fillIn(Map<String, Object> variables, String stepId, String elementId) {
    Map<String, Object> filled = new LinkedHashMap<>();
    variables.forEach((name, value) -> filled.put(name, fillValue(value, stepId, elementId)));
    return filled;
  }

  @SuppressWarnings("unchecked")
  private Object fillValue(Object value, String stepId, String elementId) {
    return switch (value) {
      case String text -> fillText(text, stepId, elementId);
      case Map<?, ?> map -> fillIn((Map<String, Object>) map, stepId, elementId);
      case List<?> list -> {
        List<Object> items = new ArrayList<>(list.size());
        list.forEach(item -> items.add(fillValue(item, stepId, elementId)));
        yield items;
      }
      case null, default -> value;
    };
  }

  private String fillText(String text, String stepId, String elementId) {
    if (!text.contains("{{")) {
      return text;
    }
    Matcher reference = SecretReferences.REFERENCE.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (reference.find()) {
      String name = reference.group(1);
      if (problems.containsKey(name)) {
        throw new InvalidStepInputException("Invalid input for step '" + stepId + "' at element '" + elementId
            + "': it refers to the secret '" + name + "', " + problems.get(name), null);
      }
      reference.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(name, reference.group())));
    }
    reference.appendTail(filled);
    return filled.toString();
  }
}
