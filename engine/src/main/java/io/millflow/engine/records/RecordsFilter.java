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

/**
 * Keeps the records for which a FEEL condition is true, e.g. {@code status != "cancelled"}. A false
 * one is filtered out (the ledger counts it as such); a condition that fails or gives null or
 * anything but true or false rejects the record with its reason.
 */
@Singleton
@StepType(
    id = "records.filter",
    name = "Filter records (FEEL)",
    group = "Transforms",
    description = "Keeps the records for which a FEEL condition is true.")
public final class RecordsFilter implements Step<RecordsFilter.Input, RecordsResult> {

  public record Input(
      @Param(label = "Records", description = "The dataset to filter, e.g. =orders.records")
          @NotNull
          @Valid
          DatasetRef records,
      @Param(
              label = "Condition",
              description = "FEEL per record, written without '=': status != \"cancelled\"")
          @NotBlank
          String condition,
      @Param(
              label = "Max rejected share",
              description = "Share of records that may be rejected before the step fails (0 to 1)",
              defaultValue = "0")
          @DecimalMin("0")
          @DecimalMax("1")
          Double maxRejectedShare) {}

  private final BoundedFeel feel;

  public RecordsFilter(BoundedFeel feel) {
    this.feel = feel;
  }

  @Override
  public RecordsResult run(Input input, StepContext context) {
    RecordExpression condition = RecordExpression.compile(feel, "condition", input.condition());
    long[] filtered = {0};
    try (RecordRun run =
        new RecordRun(
            "records.filter",
            input.records(),
            input.records().entity(),
            input.maxRejectedShare(),
            context)) {
      run.forEach(
          (number, record) -> {
            if (kept(condition.valueFor(record))) {
              run.write(record);
            } else {
              filtered[0]++;
            }
          });
      return run.finish(filtered[0]);
    }
  }

  private static boolean kept(Object value) {
    if (value instanceof Boolean verdict) {
      return verdict;
    }
    throw new RecordRejected(
        "the condition gave " + RecordExpression.kindOf(value) + ", not true or false");
  }
}
