package io.millflow.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The secrets one attempt's variables refer to, looked up by {@link SecretReferences}: {@code
 * values} by name, for each name that could not be resolved what is wrong and what to do, and which
 * names the designer wrote into which input ({@code authored}). Only those references are filled
 * in, only in those inputs: a reference that turns up elsewhere (in a sync cursor or a webhook
 * payload, which are data) stays as written.
 */
record ResolvedSecrets(
    Map<String, String> values, Map<String, String> problems, Map<String, Set<String>> authored) {

  ResolvedSecrets {
    values = Map.copyOf(values);
    problems = Map.copyOf(problems);
    authored = Map.copyOf(authored);
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
    variables.forEach(
        (name, value) ->
            filled.put(
                name,
                authored.containsKey(name)
                    ? fillValue(value, authored.get(name), stepId, elementId)
                    : value));
    return filled;
  }

  private Object fillValue(Object value, Set<String> allowed, String stepId, String elementId) {
    return switch (value) {
      case String text -> fillText(text, allowed, stepId, elementId);
      case Map<?, ?> map -> {
        Map<Object, Object> filled = new LinkedHashMap<>();
        map.forEach((key, item) -> filled.put(key, fillValue(item, allowed, stepId, elementId)));
        yield filled;
      }
      case List<?> list -> {
        List<Object> items = new ArrayList<>(list.size());
        list.forEach(item -> items.add(fillValue(item, allowed, stepId, elementId)));
        yield items;
      }
      case null, default -> value;
    };
  }

  private String fillText(String text, Set<String> allowed, String stepId, String elementId) {
    if (!text.contains("{{")) {
      return text;
    }
    Matcher reference = SecretReferences.REFERENCE.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (reference.find()) {
      String name = reference.group(1);
      if (!allowed.contains(name)) {
        continue; // a reference that came as data, not written by the designer: left as it is
      }
      if (problems.containsKey(name)) {
        throw new InvalidStepInputException(
            "Invalid input for step '"
                + stepId
                + "' at element '"
                + elementId
                + "': it refers to the secret '"
                + name
                + "', "
                + problems.get(name),
            null);
      }
      reference.appendReplacement(
          filled, Matcher.quoteReplacement(values.getOrDefault(name, reference.group())));
    }
    reference.appendTail(filled);
    return filled.toString();
  }
}
