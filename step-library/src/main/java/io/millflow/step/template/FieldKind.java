package io.millflow.step.template;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.millflow.step.Param;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How the designer edits one input component. The worker reads every variable back with Jackson,
 * which coerces the strings a text field or a dropdown stores ({@code "500"}, {@code "true"},
 * {@code "upsert"}) into the component's type.
 */
sealed interface FieldKind {

  /** A scalar typed as text; the user may switch the field to a FEEL expression. */
  record Text(String hint) implements FieldKind {}

  /** A fixed set of values: an enum, a Boolean, or {@link Param#choices()}. */
  record Choice(List<Option> options) implements FieldKind {

    boolean offers(String value) {
      return options.stream().anyMatch(option -> option.value().equals(value));
    }
  }

  /**
   * Anything structured (a {@code DatasetRef}, a record, a list, a map): no text field can spell
   * it, so it is always a FEEL expression that picks it from an earlier step's result.
   */
  record Expression(String hint) implements FieldKind {}

  /** One dropdown entry: {@code name} is shown, {@code value} is stored in the BPMN. */
  record Option(String name, String value) {}

  static FieldKind of(RecordComponent component) {
    Class<?> type = component.getType();
    Param param = component.getAnnotation(Param.class);
    if (param != null && param.choices().length > 0) {
      return new Choice(
          Arrays.stream(param.choices())
              .map(v -> new Option(DisplayNames.readable(v), v))
              .toList());
    }
    if (type.isEnum()) {
      return new Choice(enumOptions(type));
    }
    if (type == Boolean.class || type == boolean.class) {
      return new Choice(List.of(new Option("Yes", "true"), new Option("No", "false")));
    }
    if (isScalar(type)) {
      return new Text(formatHint(type));
    }
    return new Expression("FEEL expression, e.g. =" + component.getName());
  }

  private static List<Option> enumOptions(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(constant -> (Enum<?>) constant)
        .map(
            constant ->
                new Option(DisplayNames.readable(constant.name()), storedValue(enumType, constant)))
        .toList();
  }

  // Lower case reads well in the BPMN and Json's case-insensitive enums read it back; an explicit
  // Jackson name wins, because then only that name deserializes.
  private static String storedValue(Class<?> enumType, Enum<?> constant) {
    try {
      JsonProperty renamed = enumType.getField(constant.name()).getAnnotation(JsonProperty.class);
      if (renamed != null && !renamed.value().isEmpty()) {
        return renamed.value();
      }
    } catch (NoSuchFieldException impossible) {
      throw new IllegalStateException(impossible);
    }
    return constant.name().toLowerCase(Locale.ROOT);
  }

  private static boolean isScalar(Class<?> type) {
    return type.isPrimitive()
        || Number.class.isAssignableFrom(type)
        || CharSequence.class.isAssignableFrom(type)
        || type == Character.class
        || Temporal.class.isAssignableFrom(type)
        || TemporalAmount.class.isAssignableFrom(type)
        || ZoneId.class.isAssignableFrom(type)
        || type == UUID.class
        || type == URI.class;
  }

  // Only formats a user cannot guess; everything else needs no hint.
  private static String formatHint(Class<?> type) {
    if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
      return "ISO-8601 time, e.g. 2025-01-31T08:00:00Z";
    }
    if (type == LocalDate.class) {
      return "ISO-8601 date, e.g. 2025-01-31";
    }
    if (type == LocalDateTime.class) {
      return "ISO-8601 local time, e.g. 2025-01-31T08:00:00";
    }
    if (type == Duration.class) {
      return "ISO-8601 duration, e.g. PT15M";
    }
    return "";
  }
}
