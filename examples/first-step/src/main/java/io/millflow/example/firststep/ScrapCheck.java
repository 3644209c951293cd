package io.millflow.example.firststep;

import io.millflow.model.ProductionRecord;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Stream;

// snippet:step
/**
 * Keeps the production records whose scrap rate, rejected parts over all parts made, is above a
 * limit: the records a quality engineer should look at. Reads a dataset of unified production
 * records and writes the ones over the limit to a new dataset, so records never travel as engine
 * variables.
 */
@Singleton
@StepType(
    id = "example.scrap-check",
    name = "Check scrap rates",
    group = "Examples",
    description = "Keeps the production records whose scrap rate is above a limit.")
public final class ScrapCheck implements Step<ScrapCheck.Input, ScrapCheck.Output> {
  // end-snippet

  /** Progress is reported every so many records: each report is a write to the run history. */
  static final long PROGRESS_EVERY = 10_000;

  // snippet:records
  /** What the flow gives the step: one record component per field of the element template. */
  public record Input(
      @Param(label = "Production records", description = "A dataset of unified production records")
          @NotNull
          @Valid
          DatasetRef records,
      @Param(
              label = "Scrap limit (%)",
              description = "Records above it are kept",
              defaultValue = "2.5")
          @NotNull
          @DecimalMin("0")
          @DecimalMax("100")
          BigDecimal limitPercent) {}

  /** What the step returns, stored under the task's result variable. */
  public record Output(DatasetRef overLimit, long checked) {}

  // end-snippet

  // snippet:run
  @Override
  public Output run(Input input, StepContext context) {
    if (!ProductionRecord.ENTITY.equals(input.records().entity())) {
      throw new StepFailure(
          "NOT_PRODUCTION_RECORDS",
          "Dataset "
              + input.records().dataset()
              + " holds '"
              + input.records().entity()
              + "' records; this step reads '"
              + ProductionRecord.ENTITY
              + "' (map the source with unified.transform first)");
    }
    long checked = 0;
    try (Stream<ProductionRecord> records =
            context.datasets().read(input.records(), ProductionRecord.class);
        DatasetWriter overLimit = context.datasets().create(ProductionRecord.ENTITY)) {
      for (ProductionRecord record : (Iterable<ProductionRecord>) records::iterator) {
        if (isOverLimit(record, input.limitPercent())) {
          overLimit.add(record);
        }
        if (++checked % PROGRESS_EVERY == 0) {
          context.progress(checked, input.records().count());
        }
      }
      DatasetRef kept = overLimit.finish();
      context.progress(checked, checked);
      context
          .log()
          .info(
              kept.count()
                  + " of "
                  + checked
                  + " production records are over "
                  + input.limitPercent()
                  + " % scrap");
      return new Output(kept, checked);
    }
  }

  // end-snippet

  /** Scrap rate in percent of all parts made; a period that made nothing has none. */
  static boolean isOverLimit(ProductionRecord record, BigDecimal limitPercent) {
    long good = record.goodCount() == null ? 0 : record.goodCount();
    long rejected = record.rejectCount() == null ? 0 : record.rejectCount();
    if (good + rejected == 0) {
      return false;
    }
    BigDecimal percent =
        BigDecimal.valueOf(rejected * 100)
            .divide(BigDecimal.valueOf(good + rejected), 4, RoundingMode.HALF_UP);
    return percent.compareTo(limitPercent) > 0;
  }
}
