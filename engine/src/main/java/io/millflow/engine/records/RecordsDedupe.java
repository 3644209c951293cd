package io.millflow.engine.records;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps one record per key (a FEEL expression, or a list of fields): the first, the last, or the
 * newest by a field, in the order of the input. Keys are held in memory, at most {@value #MAX_KEYS}
 * (each as its JSON text); more fail the step with {@code TOO_MANY_KEYS} rather than spill.
 */
@Singleton
@StepType(
    id = "records.dedupe",
    name = "Deduplicate records",
    group = "Transforms",
    description = "Keeps one record per key: the first, the last, or the newest by a field.")
public final class RecordsDedupe implements Step<RecordsDedupe.Input, RecordsResult> {

  static final long MAX_KEYS = 1_000_000;

  /** Which record of a key stays. */
  public enum Keep {
    FIRST,
    LAST,
    NEWEST
  }

  public record Input(
      @Param(label = "Records", description = "The dataset to deduplicate, e.g. =orders.records")
          @NotNull
          @Valid
          DatasetRef records,
      @Param(label = "Key", description = "FEEL per record, written without '=': [vendor, part]")
          String key,
      @Param(label = "Key fields", description = "Or comma-separated fields: orderNumber, line")
          String keyFields,
      @Param(label = "Keep", defaultValue = "first") Keep keep,
      @Param(label = "Newest by", description = "The field that orders versions, for Keep: newest")
          String newestBy,
      @Param(
              label = "Max rejected share",
              description = "Share of records that may be rejected before the step fails (0 to 1)",
              defaultValue = "0")
          @DecimalMin("0")
          @DecimalMax("1")
          Double maxRejectedShare) {}

  private final BoundedFeel feel;
  private final long maxKeys;

  @Inject
  public RecordsDedupe(BoundedFeel feel) {
    this(feel, MAX_KEYS);
  }

  RecordsDedupe(BoundedFeel feel, long maxKeys) {
    this.feel = feel;
    this.maxKeys = maxKeys;
  }

  @Override
  public RecordsResult run(Input input, StepContext context) {
    RecordKey key = RecordKey.of(feel, input.key(), input.keyFields());
    Keep keep = input.keep() == null ? Keep.FIRST : input.keep();
    if (keep == Keep.NEWEST && (input.newestBy() == null || input.newestBy().isBlank())) {
      throw new StepFailure("NO_VERSION_FIELD", "Keep: newest needs the field in Newest by");
    }
    try (RecordRun run =
        new RecordRun(
            "records.dedupe",
            input.records(),
            input.records().entity(),
            input.maxRejectedShare(),
            context)) {
      if (keep == Keep.FIRST) {
        keepFirst(run, key);
      } else {
        keepLastOrNewest(
            run, key, keep == Keep.NEWEST ? FieldPath.of(input.newestBy().trim()) : null);
      }
      return run.finish(0);
    }
  }

  private void keepFirst(RecordRun run, RecordKey key) {
    Set<String> seen = new HashSet<>();
    run.forEach(
        (number, record) -> {
          String recordKey = key.of(record);
          if (seen.contains(recordKey)) {
            return;
          }
          if (seen.size() >= maxKeys) {
            throw KeptVersions.tooManyKeys(maxKeys);
          }
          seen.add(recordKey);
          run.write(record);
        });
  }

  /** Two passes: the first finds each key's kept record, the second writes them in input order. */
  private void keepLastOrNewest(RecordRun run, RecordKey key, FieldPath newestBy) {
    KeptVersions versions = new KeptVersions(newestBy, maxKeys);
    run.forEach((number, record) -> versions.offer(key.of(record), number, record));
    long[] kept = versions.numbers();
    int[] next = {0};
    run.again(
        (number, record) -> {
          if (next[0] < kept.length && kept[next[0]] == number) {
            next[0]++;
            run.write(record);
          }
        });
  }
}
