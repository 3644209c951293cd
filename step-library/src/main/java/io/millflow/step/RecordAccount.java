package io.millflow.step;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step that turns records into records did with each record it read, for the run's ledger:
 * {@code read} = {@code mapped} (in its output dataset) + rejected + {@code collapsed} (older
 * duplicates of a key within the run, or records folded into a group) + {@code filtered} (kept out
 * on purpose by a filter's condition). With the fill rate of every field of its output ({@code
 * lines.quantity} for a nested field), the warnings it logged about the data, and the source fields
 * it met that the source's published shape does not have (name → how many records carried it).
 */
public record RecordAccount(
    long read,
    long mapped,
    Rejects rejected,
    long collapsed,
    Map<String, FieldFill> fillRates,
    List<String> warnings,
    long filtered,
    Map<String, Long> newFieldsSeen) {

  /** The account of a step that filters nothing out and met no new field. */
  public RecordAccount(
      long read,
      long mapped,
      Rejects rejected,
      long collapsed,
      Map<String, FieldFill> fillRates,
      List<String> warnings) {
    this(read, mapped, rejected, collapsed, fillRates, warnings, 0, Map.of());
  }

  /** The account of a filter: it meets no new field. */
  public RecordAccount(
      long read,
      long mapped,
      Rejects rejected,
      long collapsed,
      Map<String, FieldFill> fillRates,
      List<String> warnings,
      long filtered) {
    this(read, mapped, rejected, collapsed, fillRates, warnings, filtered, Map.of());
  }

  /** The account of a mapper, with the new fields it met; it filters nothing out. */
  public RecordAccount(
      long read,
      long mapped,
      Rejects rejected,
      long collapsed,
      Map<String, FieldFill> fillRates,
      List<String> warnings,
      Map<String, Long> newFieldsSeen) {
    this(read, mapped, rejected, collapsed, fillRates, warnings, 0, newFieldsSeen);
  }

  public RecordAccount {
    newFieldsSeen = newFieldsSeen == null ? Map.of() : Map.copyOf(newFieldsSeen);
    rejected = rejected == null ? Rejects.NONE : rejected;
    fillRates =
        fillRates == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fillRates));
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
