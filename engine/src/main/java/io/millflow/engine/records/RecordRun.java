package io.millflow.engine.records;

import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.RecordAccount;
import io.millflow.step.Rejects;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One attempt of a record step: streams its input a record at a time, writes what it passes on and
 * what it rejects to datasets of their own, fails once more records were rejected than the step's
 * {@code maxRejectedShare} allows, and tells the ledger what became of every record read.
 */
final class RecordRun implements AutoCloseable {

  /** What a step does with one record; throws {@link RecordRejected} to refuse it. */
  @FunctionalInterface
  interface RecordHandler {
    void handle(long number, Map<String, Object> record);
  }

  static final String REJECTED_ENTITY = "rejectedRecord";
  private static final int PROGRESS_EVERY = 1_000;

  private final String stepType;
  private final DatasetRef input;
  private final double maxRejectedShare;
  private final StepContext context;
  private final DatasetWriter out;
  private final DatasetWriter rejected;
  private final Rejects.Tally tally = new Rejects.Tally();
  private long read;

  RecordRun(
      String stepType,
      DatasetRef input,
      String outputEntity,
      Double maxRejectedShare,
      StepContext context) {
    this.stepType = stepType;
    this.input = input;
    this.maxRejectedShare = maxRejectedShare == null ? 0 : maxRejectedShare;
    this.context = context;
    this.out = context.datasets().create(outputEntity);
    this.rejected = context.datasets().create(REJECTED_ENTITY);
  }

  /** Hands every record of the input to the handler, numbered from 1; rejects what it refuses. */
  void forEach(RecordHandler handler) {
    try (Stream<Map<String, Object>> records = readInput()) {
      records.forEach(
          record -> {
            long number = ++read;
            try {
              handler.handle(number, record);
            } catch (RecordRejected e) {
              reject(number, record, e);
            }
            if (number % PROGRESS_EVERY == 0) {
              context.progress(number, input.count());
            }
          });
    }
    context.progress(read, input.count());
  }

  /** Reads the input once more (a second pass), without counting or rejecting. */
  void again(RecordHandler handler) {
    try (Stream<Map<String, Object>> records = readInput()) {
      long[] number = {0};
      records.forEach(record -> handler.handle(++number[0], record));
    }
  }

  void write(Object record) {
    out.add(record);
  }

  /**
   * Seals the datasets, tells the ledger, and returns the result. Every record read was passed on,
   * rejected, filtered out, or else folded into another (a duplicate of a key, a member of a
   * group), which is what the ledger counts as collapsed.
   *
   * @param filtered records kept out on purpose (a filter's false)
   */
  RecordsResult finish(long filtered) {
    failWhenTooManyRejected(read);
    DatasetRef written = out.finish();
    DatasetRef rejects = rejected.finish();
    Rejects summary = tally.rejects();
    long collapsed = read - written.count() - summary.count() - filtered;
    context.account(
        new RecordAccount(
            read, written.count(), summary, collapsed, Map.of(), java.util.List.of(), filtered));
    context
        .log()
        .info(
            stepType
                + ": read "
                + read
                + ", passed on "
                + written.count()
                + ", rejected "
                + summary.count()
                + (filtered > 0 ? ", filtered out " + filtered : "")
                + (collapsed > 0 ? ", folded " + collapsed : ""));
    if (summary.count() > 0) {
      context
          .log()
          .warn(
              "Rejected "
                  + summary.count()
                  + " records, kept in the rejects dataset: "
                  + summary.reasons()
                  + "; first ones: "
                  + summary.records());
    }
    return new RecordsResult(
        written,
        read,
        written.count(),
        summary.count(),
        new RecordsResult.RejectedRecords(rejects, summary.reasons()));
  }

  private void reject(long number, Map<String, Object> record, RecordRejected rejection) {
    tally.reject("record " + number + " of the input", rejection.reason());
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("number", number);
    entry.put("reason", rejection.reason());
    if (!rejection.getMessage().equals(rejection.reason())) {
      entry.put("detail", rejection.getMessage());
    }
    entry.put("record", record);
    rejected.add(entry);
    failWhenTooManyRejected(Math.max(read, input.count()));
  }

  /** Fails as soon as the rejects exceed the allowed share of the records there are to read. */
  private void failWhenTooManyRejected(long total) {
    long rejects = tally.count();
    if (rejects == 0 || rejects <= maxRejectedShare * total) {
      return;
    }
    Rejects summary = tally.rejects();
    throw new StepFailure(
        "TOO_MANY_REJECTED",
        stepType
            + " rejected "
            + rejects
            + " of "
            + total
            + " records, more than maxRejectedShare "
            + maxRejectedShare
            + " allows: "
            + summary.reasons()
            + "; first ones: "
            + summary.records()
            + ". Fix the records or the expression, or raise maxRejectedShare.");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Stream<Map<String, Object>> readInput() {
    return (Stream) context.datasets().read(input, Map.class);
  }

  @Override
  public void close() {
    out.close();
    rejected.close();
  }
}
