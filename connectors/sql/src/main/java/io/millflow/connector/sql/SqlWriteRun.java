package io.millflow.connector.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.millflow.step.DatasetRef;
import io.millflow.step.StepContext;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import io.millflow.step.WriteResult;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;

/**
 * What every SQL write step does around its database work: checks the inputs into a {@link
 * WriteTarget}, reports progress, logs and returns the counts, and turns failures into the step
 * error model (an unreadable record is {@code INVALID_RECORD}; a database error goes to the
 * connector's own translation).
 */
public final class SqlWriteRun {

  /** A piece of database work. */
  @FunctionalInterface
  public interface Work<T> {
    T call() throws Exception;
  }

  /** The write itself, given the checked target and the progress callback. */
  @FunctionalInterface
  public interface Writer {
    WriteCounts write(WriteTarget target, LongConsumer progress) throws Exception;
  }

  private SqlWriteRun() {}

  /**
   * @param defaultSchema where a table named without a schema goes (may ask the database)
   * @param translate the step exception for a database failure while doing the activity ("writing
   *     plant.vendor")
   */
  public static WriteResult run(
      SqlWriteInput input,
      StepContext context,
      Work<String> defaultSchema,
      Writer writer,
      BiFunction<Throwable, String, RuntimeException> translate) {
    Instant start = context.clock().instant();
    DatasetRef records = input.records();
    String activity = "writing " + (input.table() == null ? records.entity() : input.table());
    try {
      WriteTarget target =
          WriteTarget.of(
              input.table(),
              input.mode(),
              input.keyFields(),
              records.entity(),
              defaultSchema.call());
      activity = "writing " + target.table();
      WriteCounts counts = writer.write(target, done -> context.progress(done, records.count()));
      long millis = Duration.between(start, context.clock().instant()).toMillis();
      context
          .log()
          .info(
              "Wrote "
                  + counts.total()
                  + " "
                  + records.entity()
                  + " records to "
                  + target.table()
                  + " ("
                  + target.mode().name().toLowerCase(Locale.ROOT)
                  + "): "
                  + counts.inserted()
                  + " inserted, "
                  + counts.updated()
                  + " updated, "
                  + counts.unchanged()
                  + " unchanged, "
                  + counts.skippedOlder()
                  + " older than stored, "
                  + counts.rejected().count()
                  + " rejected, in "
                  + millis
                  + " ms");
      if (counts.rejected().count() > 0) {
        context
            .log()
            .warn(
                "Rejected "
                    + counts.rejected().count()
                    + " records, not written: "
                    + counts.rejected().reasons()
                    + "; first ones: "
                    + counts.rejected().records());
      }
      return new WriteResult(
          target.table().toString(),
          counts.inserted(),
          counts.updated(),
          counts.unchanged(),
          counts.skippedOlder(),
          counts.rejected(),
          millis);
    } catch (StepException e) {
      throw e;
    } catch (UncheckedIOException e) {
      throw unreadable(e, records);
    } catch (Exception e) {
      throw translate.apply(e, activity);
    }
  }

  private static RuntimeException unreadable(UncheckedIOException e, DatasetRef records) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return new StepFailure(
          "INVALID_RECORD",
          "A record of dataset "
              + records.dataset()
              + " cannot be read as "
              + records.entity()
              + ": "
              + json.getOriginalMessage()
              + ". Fix the step that produced it.",
          e);
    }
    return e;
  }
}
