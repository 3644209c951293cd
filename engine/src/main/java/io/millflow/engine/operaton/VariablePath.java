package io.millflow.engine.operaton;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target of a mapping: a variable name, or a path into a context ({@code sender.name}) that
 * builds the context around the value, merged with what the variable already holds, as Zeebe does.
 */
record VariablePath(String variable, List<String> path) {

  static VariablePath parse(String target) {
    String[] parts = target.trim().split("\\.");
    return new VariablePath(parts[0], List.of(Arrays.copyOfRange(parts, 1, parts.length)));
  }

  /**
   * The new value of {@link #variable()}: {@code value} itself, or {@code current} with {@code
   * value} at the path.
   */
  Object merge(Object current, Object value) {
    if (path.isEmpty()) {
      return value;
    }
    return put(current, path, value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> put(Object current, List<String> path, Object value) {
    Map<String, Object> context =
        current instanceof Map<?, ?> map
            ? new LinkedHashMap<>((Map<String, Object>) map)
            : new LinkedHashMap<>();
    String key = path.get(0);
    context.put(
        key, path.size() == 1 ? value : put(context.get(key), path.subList(1, path.size()), value));
    return context;
  }
}
