package io.millflow.engine.observe;

import java.lang.reflect.RecordComponent;

/**
 * The connection a step's input names, by the convention of every connector: a {@code connection}
 * text component.
 */
final class ConnectionOfInput {

  private ConnectionOfInput() {}

  /** The connection's name, or "" when the input names none. */
  static String name(Object input) {
    if (input == null || !input.getClass().isRecord()) {
      return "";
    }
    for (RecordComponent component : input.getClass().getRecordComponents()) {
      if (component.getName().equals("connection") && component.getType() == String.class) {
        try {
          var accessor = component.getAccessor();
          accessor.setAccessible(true);
          Object value = accessor.invoke(input);
          return value == null ? "" : (String) value;
        } catch (ReflectiveOperationException e) {
          return "";
        }
      }
    }
    return "";
  }
}
