package io.millflow.step.template;

import io.millflow.step.ConnectionKind;
import io.millflow.step.Param;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.List;

/**
 * What a form, the API and the docs need to know of one connection type, generated from its record:
 * each field's name, where it is kept ({@code settings} or {@code credentials}), label, hint, type,
 * whether it is required, its default, example and choices, whether it is secret, and the sign-in
 * method it belongs to.
 *
 * @param signIns the sign-in methods, in the record's order; empty when the system has one
 */
public record ConnectionSchema(String type, List<String> signIns, List<Field> fields) {

  /**
   * One field. {@code type} is {@code text}, {@code integer}, {@code number}, {@code url}, {@code
   * boolean} or {@code choice}; {@code required} within its sign-in method when it has one, and
   * never when it has a default.
   */
  public record Field(
      String name,
      String group,
      String label,
      String description,
      String type,
      boolean required,
      String defaultValue,
      String example,
      List<Choice> choices,
      boolean secret,
      String signIn) {}

  /** One allowed value of a {@code choice} field: {@code name} is shown, {@code value} saved. */
  public record Choice(String name, String value) {}

  public static ConnectionSchema of(ConnectionKind<?> kind) {
    return new ConnectionSchema(
        kind.type(), kind.signIns(), kind.fields().stream().map(ConnectionSchema::field).toList());
  }

  private static Field field(ConnectionKind.Field field) {
    RecordComponent component = field.component();
    Param param = component.getAnnotation(Param.class);
    FieldKind kind = FieldKind.of(component);
    // A field with a default is never left empty: the binder fills the default in.
    boolean hasDefault = param != null && !param.defaultValue().isEmpty();
    boolean required =
        (JakartaConstraints.required(component) || !field.signIn().isEmpty()) && !hasDefault;
    return new Field(
        field.name(),
        field.group(),
        param != null ? param.label() : DisplayNames.readable(field.name()),
        param != null ? param.description() : "",
        typeName(component.getType(), kind),
        required,
        param != null ? param.defaultValue() : "",
        param != null ? param.example() : "",
        kind instanceof FieldKind.Choice choice && !isBoolean(component.getType())
            ? choice.options().stream()
                .map(option -> new Choice(option.name(), option.value()))
                .toList()
            : List.of(),
        field.secret(),
        field.signIn());
  }

  private static String typeName(Class<?> type, FieldKind kind) {
    if (isBoolean(type)) {
      return "boolean";
    }
    if (kind instanceof FieldKind.Choice) {
      return "choice";
    }
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "integer";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "number";
    }
    return type == URI.class ? "url" : "text";
  }

  private static boolean isBoolean(Class<?> type) {
    return type == boolean.class || type == Boolean.class;
  }
}
