package io.millflow.engine.records;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * Turns each record into a new one with a FEEL context expression, e.g. {@code {part: itemCode,
 * qty: quantity * 2, vendor: record.vendor.name}}. A record whose expression fails, or gives
 * something other than a context, is rejected with its reason.
 */
@Singleton
@StepType(
    id = "records.map",
    name = "Map records (FEEL)",
    group = "Transforms",
    description = "Turns each record into a new one with a FEEL context expression.")
public final class RecordsMap implements Step<RecordsMap.Input, RecordsResult> {

  public record Input(
      @Param(label = "Records", description = "The dataset to map, e.g. =orders.records")
          @NotNull
          @Valid
          DatasetRef records,
      @Param(
              label = "Expression",
              description =
                  "A FEEL context per record, written without '=': {part: itemCode, qty: quantity}")
          @NotBlank
          String expression,
      @Param(label = "Entity", description = "What the new records are", defaultValue = "record")
          String entity,
      @Param(
              label = "Max rejected share",
              description = "Share of records that may be rejected before the step fails (0 to 1)",
              defaultValue = "0")
          @DecimalMin("0")
          @DecimalMax("1")
          Double maxRejectedShare) {}

  private final BoundedFeel feel;

  public RecordsMap(BoundedFeel feel) {
    this.feel = feel;
  }

  @Override
  public RecordsResult run(Input input, StepContext context) {
    RecordExpression expression = RecordExpression.compile(feel, "expression", input.expression());
    String entity = input.entity() == null || input.entity().isBlank() ? "record" : input.entity();
    try (RecordRun run =
        new RecordRun("records.map", input.records(), entity, input.maxRejectedShare(), context)) {
      run.forEach((number, record) -> run.write(newRecord(expression.valueFor(record))));
      return run.finish(0);
    }
  }

  private static Map<?, ?> newRecord(Object value) {
    if (value instanceof Map<?, ?> fields) {
      return fields;
    }
    throw new RecordRejected(
        "the expression gave " + RecordExpression.kindOf(value) + ", not a context");
  }
}
