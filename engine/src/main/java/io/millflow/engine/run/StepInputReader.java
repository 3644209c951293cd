package io.millflow.engine.run;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.step.Json;
import io.millflow.step.StepDescriptor;
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
 * Turns a job's variables into a step's typed input and validates it. Every failure names the field and says how to
 * fix the flow, because it ends up as the incident message an integration engineer reads.
 */
public final class StepInputReader {

  private static final ValidatorFactory VALIDATORS = Validation.byDefaultProvider().configure()
      .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

  private final ObjectMapper mapper = Json.mapper();
  private final Validator validator = VALIDATORS.getValidator();

  /** The variable names a step reads: its input record's components. Fetching only these keeps jobs small. */
  public static List<String> variableNames(StepDescriptor step) {
    if (!step.inputType().isRecord()) {
      return List.of();
    }
    return java.util.Arrays.stream(step.inputType().getRecordComponents()).map(c -> c.getName()).toList();
  }

  public Object read(Map<String, Object> variables, StepDescriptor step, String elementId) {
    Object input;
    try {
      input = mapper.convertValue(variables, step.inputType());
    } catch (IllegalArgumentException e) {
      throw new InvalidStepInputException(prefix(step, elementId) + describeMappingError(e)
          + " Fix that input mapping on the task in the flow.", e);
    }
    Set<ConstraintViolation<Object>> violations = validator.validate(input);
    if (!violations.isEmpty()) {
      String fields = violations.stream()
          .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
          .map(v -> "field '" + v.getPropertyPath() + "' " + v.getMessage())
          .collect(Collectors.joining("; "));
      throw new InvalidStepInputException(prefix(step, elementId) + fields
          + ". Fix the input mapping of that field on the task in the flow.", null);
    }
    return input;
  }

  private static String prefix(StepDescriptor step, String elementId) {
    return "Invalid input for step '" + step.id() + "' at element '" + elementId + "': ";
  }

  private static String describeMappingError(IllegalArgumentException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
      return "field '" + field + "' has a value of the wrong type (" + mapping.getOriginalMessage().split("\n")[0] + ").";
    }
    return "the variables could not be read (" + e.getMessage().split("\n")[0] + ").";
  }
}
