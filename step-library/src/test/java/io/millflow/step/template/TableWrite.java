package io.millflow.step.template;

import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import io.millflow.step.WriteResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A step with one input of each kind the generator maps: required text, constrained text, enum,
 * dataset, number and time.
 */
@StepType(
    id = "test.table-write",
    name = "Write rows to a table",
    group = "Databases",
    description = "Writes a dataset's records to one table.",
    retries = 5,
    version = 2)
final class TableWrite implements Step<TableWrite.Input, WriteResult> {

  enum Mode {
    INSERT,
    UPSERT,
    INSERT_ONLY
  }

  record Input(
      @Param(label = "Connection") @NotBlank String connection,
      @Param(label = "Table", description = "Defaults to the entity name")
          @Pattern(regexp = "[a-z_][a-z0-9_]*")
          @Size(min = 1, max = 63)
          String table,
      @Param(label = "Mode") Mode mode,
      @Param(label = "Records") @NotNull DatasetRef records,
      @Param(label = "Batch size", defaultValue = "500") Integer batchSize,
      Instant modifiedSince) {}

  @Override
  public WriteResult run(Input input, StepContext context) {
    throw new UnsupportedOperationException("only its template is tested");
  }
}
