package io.millflow.step;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a step refused to pass on or write, and why: how many, how many for each reason, and the
 * first {@value #MAX_NAMED} of them by name (a key, or a record's place in its dataset). Reasons
 * are kept up to {@value #MAX_REASONS}; later ones are counted under {@link #OTHER_REASONS}. Small
 * enough to travel as a variable.
 */
public record Rejects(long count, Map<String, Long> reasons, List<String> records) {

  public static final int MAX_NAMED = 20;
  public static final int MAX_REASONS = 20;
  public static final String OTHER_REASONS = "other reasons";
  public static final Rejects NONE = new Rejects(0, Map.of(), List.of());

  public Rejects {
    reasons =
        reasons == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    records = records == null ? List.of() : List.copyOf(records);
  }

  /** Both together, within the same bounds. */
  public Rejects plus(Rejects other) {
    if (other == null || other.count == 0) {
      return this;
    }
    Tally tally = new Tally();
    tally.add(this);
    tally.add(other);
    return tally.rejects();
  }

  /** Collects rejects as a step meets them; not thread-safe. */
  public static final class Tally {
    private long count;
    private final Map<String, Long> reasons = new LinkedHashMap<>();
    private final List<String> records = new ArrayList<>();

    /**
     * One record refused: {@code record} names it (never with a secret), {@code reason} says why,
     * without values.
     */
    public void reject(String record, String reason) {
      count++;
      countReason(reason, 1);
      if (records.size() < MAX_NAMED) {
        records.add(record);
      }
    }

    public long count() {
      return count;
    }

    public Rejects rejects() {
      return count == 0 ? NONE : new Rejects(count, reasons, records);
    }

    private void add(Rejects rejects) {
      count += rejects.count();
      rejects.reasons().forEach(this::countReason);
      for (String record : rejects.records()) {
        if (records.size() < MAX_NAMED) {
          records.add(record);
        }
      }
    }

    private void countReason(String reason, long times) {
      String kept =
          reasons.containsKey(reason) || reasons.size() < MAX_REASONS ? reason : OTHER_REASONS;
      reasons.merge(kept, times, Long::sum);
    }
  }
}
