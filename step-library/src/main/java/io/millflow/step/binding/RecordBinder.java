package io.millflow.step.binding;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.step.Json;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Turns named values into a typed record and validates it: how step inputs (a job's variables) and
 * connections (their settings and credentials) become what a step reads. Jackson coerces text to
 * the component's type ({@code "500"} to an int, {@code "upsert"} to an enum); Jakarta Validation
 * checks the result. Every failure names its field.
 */
public final class RecordBinder {

  private static final ValidatorFactory VALIDATORS =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();

  private final ObjectMapper mapper = Json.mapper();
  private final Validator validator = VALIDATORS.getValidator();

  /**
   * @throws InvalidRecordException naming the field of the wrong type, or every field that breaks a
   *     constraint
   */
  public <T> T bind(Map<String, ?> values, Class<T> type) {
    T bound = convert(values, type);
    Set<ConstraintViolation<T>> violations = validator.validate(bound);
    if (!violations.isEmpty()) {
      throw new InvalidRecordException(
          violations.stream()
              .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
              .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
              .toList(),
          false,
          null);
    }
    return bound;
  }

  /**
   * The values read into the record without checking its constraints: for code that only looks at
   * some fields of a record that may be incomplete.
   *
   * @throws InvalidRecordException naming the field of the wrong type
   */
  public <T> T convert(Map<String, ?> values, Class<T> type) {
    try {
      return mapper.convertValue(values, type);
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException(List.of(mappingError(e)), true, e);
    }
  }

  private static FieldError mappingError(IllegalArgumentException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."));
      return new FieldError(
          field,
          "has a value of the wrong type (" + mapping.getOriginalMessage().split("\n")[0] + ")");
    }
    // No field to name: the values as a whole could not be read (not an object, or a record that
    // refused them).
    return new FieldError(
        "", "could not be read (" + String.valueOf(e.getMessage()).split("\n")[0] + ")");
  }
}
