package io.millflow.step.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Param;
import io.millflow.step.template.FieldKind.Choice;
import io.millflow.step.template.FieldKind.Expression;
import io.millflow.step.template.FieldKind.Option;
import io.millflow.step.template.FieldKind.Text;
import java.lang.reflect.RecordComponent;

/**
 * The template property of one input record component: a {@code zeebe:input} mapping whose target
 * is the component's name, so the job carries a variable of exactly that name and the worker reads
 * it into the record.
 */
final class InputProperty {

  private InputProperty() {}

  static ObjectNode of(RecordComponent component, String group) {
    Param param = component.getAnnotation(Param.class);
    FieldKind kind = FieldKind.of(component);
    boolean required = JakartaConstraints.required(component);
    ObjectNode property = JsonNodeFactory.instance.objectNode();
    property.put(
        "label", param != null ? param.label() : DisplayNames.readable(component.getName()));
    String description =
        param != null && !param.description().isBlank() ? param.description() : hint(kind);
    if (!description.isEmpty()) {
      property.put("description", description);
    }
    property.put("group", group);
    putKind(property, kind);
    putValue(property, component, kind, required);
    if (!required) {
      // An empty optional field adds no mapping at all, so the record component stays null.
      property.put("optional", true);
    }
    JakartaConstraints.of(component, kind, required)
        .ifPresent(constraints -> property.set("constraints", constraints));
    property.putObject("binding").put("type", "zeebe:input").put("name", component.getName());
    return property;
  }

  private static void putKind(ObjectNode property, FieldKind kind) {
    switch (kind) {
      case Text text -> property.put("type", "String").put("feel", "optional");
      case Expression expression -> property.put("type", "String").put("feel", "required");
      case Choice choice -> {
        property.put("type", "Dropdown");
        ArrayNode choices = property.putArray("choices");
        for (Option option : choice.options()) {
          choices.addObject().put("name", option.name()).put("value", option.value());
        }
      }
    }
  }

  private static void putValue(
      ObjectNode property, RecordComponent component, FieldKind kind, boolean required) {
    Param param = component.getAnnotation(Param.class);
    String value = param != null ? param.defaultValue() : "";
    if (kind instanceof Choice choice) {
      if (!value.isEmpty() && !choice.offers(value)) {
        throw new IllegalArgumentException(
            "Default value '"
                + value
                + "' of "
                + component
                + " in "
                + component.getDeclaringRecord().getName()
                + " is none of its choices "
                + choice.options());
      }
      // A required dropdown shows its first choice as selected; store it, or the BPMN would lack
      // what the user sees.
      if (value.isEmpty() && required) {
        value = choice.options().getFirst().value();
      }
    }
    if (kind instanceof Expression && !value.isEmpty() && !value.startsWith("=")) {
      value = "=" + value;
    }
    if (!value.isEmpty()) {
      property.put("value", value);
    }
  }

  private static String hint(FieldKind kind) {
    return switch (kind) {
      case Text text -> text.hint();
      case Expression expression -> expression.hint();
      case Choice choice -> "";
    };
  }
}
