package io.millflow.engine.sync;

import io.millflow.step.Param;
import io.millflow.step.StepDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The inputs of a source step that make its incremental window: the cursor ({@code @Param(cursor =
 * true)}), where the read starts, and its upper bound ({@code @Param(cursorUntil = true)}), where
 * it stops, and its boundary margin ({@code @Param(cursorMargin = true)}), how far before the
 * committed cursor a read starts. A step with no cursor is no incremental source.
 */
public record CursorParams(
    Optional<String> cursor, Optional<String> until, Optional<String> margin) {

  public static CursorParams of(StepDescriptor step) {
    return new CursorParams(
        component(step, Param::cursor),
        component(step, Param::cursorUntil),
        component(step, Param::cursorMargin));
  }

  public boolean incremental() {
    return cursor.isPresent();
  }

  private static Optional<String> component(StepDescriptor step, Predicate<Param> marked) {
    if (!step.inputType().isRecord()) {
      return Optional.empty();
    }
    return Arrays.stream(step.inputType().getRecordComponents())
        .filter(
            c -> c.isAnnotationPresent(Param.class) && marked.test(c.getAnnotation(Param.class)))
        .map(RecordComponent::getName)
        .findFirst();
  }
}
