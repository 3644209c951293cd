package io.millflow.step;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step that turns records into records did with each record it read, for the run's ledger:
 * {@code read} = {@code mapped} (in its output dataset) + rejected + {@code collapsed} (older
 * duplicates of a key within the run). With the fill rate of every field of its output ({@code
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
    Map<String, Long> newFieldsSeen) {

  /** With no new fields seen. */
  public RecordAccount(
      long read,
      long mapped,
      Rejects rejected,
      long collapsed,
      Map<String, FieldFill> fillRates,
      List<String> warnings) {
    this(read, mapped, rejected, collapsed, fillRates, warnings, Map.of());
  }

  public RecordAccount {
    newFieldsSeen = newFieldsSeen == null ? Map.of() : Map.copyOf(newFieldsSeen);
    rejected = rejected == null ? Rejects.NONE : rejected;
    fillRates =
        fillRates == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fillRates));
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
