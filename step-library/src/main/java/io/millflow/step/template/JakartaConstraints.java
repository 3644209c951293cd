package io.millflow.step.template;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.template.FieldKind.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Jakarta Validation constraints of one input component, as the template's {@code constraints}
 * object, so the designer rejects what the worker's validation would reject later. Only checks a
 * designer can do are translated; the worker validates everything again.
 */
final class JakartaConstraints {

  private JakartaConstraints() {}

  /** A component the step cannot run without: the designer must not leave it empty. */
  static boolean required(RecordComponent component) {
    return find(component, NotNull.class).isPresent()
        || find(component, NotBlank.class).isPresent()
        || find(component, NotEmpty.class).isPresent();
  }

  /** The constraints object, or empty when the designer has nothing to check. */
  static Optional<ObjectNode> of(RecordComponent component, FieldKind kind, boolean required) {
    ObjectNode checks = JsonNodeFactory.instance.objectNode();
    // Length and pattern only make sense where the user types the value itself, not an expression
    // or a choice.
    if (kind instanceof Text) {
      find(component, Size.class).ifPresent(size -> putLengths(checks, size, required));
      find(component, Pattern.class)
          .flatMap(pattern -> anchored(pattern, required))
          .ifPresent(pattern -> checks.set("pattern", pattern));
    }
    if (!required && checks.isEmpty()) {
      return Optional.empty();
    }
    // The schema wants notEmpty stated (false) on an optional property that has any constraint;
    // first, for reading.
    ObjectNode constraints = JsonNodeFactory.instance.objectNode().put("notEmpty", required);
    constraints.setAll(checks);
    return Optional.of(constraints);
  }

  private static void putLengths(ObjectNode checks, Size size, boolean required) {
    // The designer checks minLength on an empty field too, while Java lets an absent value pass:
    // only required fields get a minimum.
    if (required && size.min() > 0) {
      checks.put("minLength", size.min());
    }
    if (size.max() < Integer.MAX_VALUE) {
      checks.put("maxLength", size.max());
    }
  }

  // Java matches the whole value, the designer's JavaScript RegExp.test any part of it: anchor the
  // expression. An optional field is checked even when empty, so the empty value must match too.
  // Flags have no portable spelling in JavaScript; such patterns stay with the worker.
  private static Optional<ObjectNode> anchored(Pattern pattern, boolean required) {
    if (pattern.flags().length > 0) {
      return Optional.empty();
    }
    // A message starting with "{" is a bundle key only the validator can resolve.
    String message =
        pattern.message().startsWith("{")
            ? "must match the pattern " + pattern.regexp()
            : pattern.message();
    return Optional.of(
        JsonNodeFactory.instance
            .objectNode()
            .put("value", "^(?:" + pattern.regexp() + ")" + (required ? "" : "?") + "$")
            .put("message", message));
  }

  // Jakarta constraints cannot target record components, so Java puts them on the accessor, the
  // field and the type.
  private static <A extends Annotation> Optional<A> find(RecordComponent component, Class<A> type) {
    return Stream.of(
            component.getAccessor().getAnnotation(type),
            component.getAnnotatedType().getAnnotation(type),
            fieldAnnotation(component, type))
        .filter(Objects::nonNull)
        .findFirst();
  }

  private static <A extends Annotation> A fieldAnnotation(
      RecordComponent component, Class<A> type) {
    try {
      return component
          .getDeclaringRecord()
          .getDeclaredField(component.getName())
          .getAnnotation(type);
    } catch (NoSuchFieldException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
