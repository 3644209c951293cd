package io.millflow.engine.records;

import io.millflow.step.StepFailure;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The record kept for each key, by its place in the input: the last one, or the newest by a field
 * (numbers by value, text such as ISO dates in order; a record without the field never beats one
 * with it; the later one wins a tie). Holds one entry per key in memory, at most {@code maxKeys}.
 */
final class KeptVersions {

  private record Kept(long number, Comparable<Object> version) {}

  private final FieldPath newestBy;
  private final long maxKeys;
  private final Map<String, Kept> kept = new HashMap<>();

  /**
   * @param newestBy the field that says which version is newest; null to keep the last
   */
  KeptVersions(FieldPath newestBy, long maxKeys) {
    this.newestBy = newestBy;
    this.maxKeys = maxKeys;
  }

  /**
   * @throws RecordRejected when the version field is not a number or text, or not comparable with
   *     the key's kept version
   * @throws StepFailure {@code TOO_MANY_KEYS} past {@code maxKeys} distinct keys
   */
  void offer(String key, long number, Map<String, Object> record) {
    Comparable<Object> version = newestBy == null ? null : version(newestBy.in(record));
    Kept earlier = kept.get(key);
    if (earlier == null && kept.size() >= maxKeys) {
      throw tooManyKeys(maxKeys);
    }
    if (earlier == null || newestBy == null || !olderThan(version, earlier.version())) {
      kept.put(key, new Kept(number, version));
    }
  }

  /** The places in the input of the kept records, ascending. */
  long[] numbers() {
    long[] numbers = kept.values().stream().mapToLong(Kept::number).toArray();
    Arrays.sort(numbers);
    return numbers;
  }

  static StepFailure tooManyKeys(long maxKeys) {
    return new StepFailure(
        "TOO_MANY_KEYS",
        "records.dedupe holds one entry per key in memory, at most "
            + maxKeys
            + " keys; this input has more. Split the input, or deduplicate in the database.");
  }

  private boolean olderThan(Comparable<Object> version, Comparable<Object> kept) {
    if (kept == null) {
      return false;
    }
    if (version == null) {
      return true;
    }
    if (version.getClass() != kept.getClass()) {
      throw new RecordRejected(
          "field '" + newestBy.name() + "' mixes numbers and text across versions of a key");
    }
    return version.compareTo(kept) < 0;
  }

  @SuppressWarnings("unchecked")
  private Comparable<Object> version(Object value) {
    return switch (value) {
      case null -> null;
      case Number number -> (Comparable<Object>) (Object) new BigDecimal(number.toString());
      case String text -> (Comparable<Object>) (Object) text;
      default ->
          throw new RecordRejected(
              "field '"
                  + newestBy.name()
                  + "' is "
                  + RecordExpression.kindOf(value)
                  + ", not a number or text");
    };
  }
}
