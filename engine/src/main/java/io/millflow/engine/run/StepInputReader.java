package io.millflow.engine.run;

import io.millflow.step.StepDescriptor;
import io.millflow.step.binding.FieldError;
import io.millflow.step.binding.InvalidRecordException;
import io.millflow.step.binding.RecordBinder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a job's variables into a step's typed input and validates it (with the {@link RecordBinder}
 * connections are bound with too). Every failure names the field and says how to fix the flow,
 * because it ends up as the incident message an integration engineer reads.
 */
public final class StepInputReader {

  private final RecordBinder binder = new RecordBinder();

  /**
   * The variable names a step reads: its input record's components. Fetching only these keeps jobs
   * small.
   */
  public static List<String> variableNames(StepDescriptor step) {
    if (!step.inputType().isRecord()) {
      return List.of();
    }
    return java.util.Arrays.stream(step.inputType().getRecordComponents())
        .map(c -> c.getName())
        .toList();
  }

  public Object read(Map<String, Object> variables, StepDescriptor step, String elementId) {
    try {
      return binder.bind(variables, step.inputType());
    } catch (InvalidRecordException e) {
      if (e.wrongType()) {
        FieldError error = e.errors().getFirst();
        String what =
            error.field().isEmpty() ? "the variables " + error.problem() : error.sentence();
        throw new InvalidStepInputException(
            prefix(step, elementId)
                + what
                + ". Fix that input mapping on the task in the flow"
                + REDEPLOY,
            e.getCause());
      }
      throw new InvalidStepInputException(
          prefix(step, elementId)
              + e.errors().stream().map(FieldError::sentence).collect(Collectors.joining("; "))
              + ". Fix the input mapping of that field on the task in the flow"
              + REDEPLOY,
          null);
    }
  }

  /**
   * A retry on the run's own version evaluates the same mapping again and fails the same way: the
   * fix needs a new version, and the run moved to it or a new run.
   */
  private static final String REDEPLOY =
      " and deploy it; then retry the run on the latest version (or start a new run):"
          + " a retry on the version it started on fails the same way.";

  private static String prefix(StepDescriptor step, String elementId) {
    return "Invalid input for step '" + step.id() + "' at element '" + elementId + "': ";
  }
}
