package io.millflow.engine.ledger;

import io.millflow.step.FieldFill;
import io.millflow.step.Rejects;
import java.util.List;
import java.util.Map;

/**
 * One completed step attempt's row of the ledger: its role, the datasets it read and wrote (the
 * lineage that links the steps of a path), the cursor window of a source, and its counts. {@code
 * read}: the records it took (a source: read from the system); {@code passedOn}: the records in its
 * output datasets; a sink's outcome in the write counts. For every step, read = passedOn + written
 * counts + rejected + collapsed + filtered (kept out by a filter's condition), unless it lost
 * records.
 */
public record StepContribution(
    String elementId,
    String stepType,
    Role role,
    List<String> datasetsIn,
    List<String> datasetsOut,
    String windowFrom,
    String windowTo,
    long read,
    long passedOn,
    long inserted,
    long updated,
    long unchanged,
    long skippedOlder,
    Rejects rejected,
    long collapsed,
    long filtered,
    Map<String, FieldFill> fillRates,
    List<String> warnings,
    Map<String, Long> newFieldsSeen) {

  /** A step that saw no new source fields. */
  public StepContribution(
      String elementId,
      String stepType,
      Role role,
      List<String> datasetsIn,
      List<String> datasetsOut,
      String windowFrom,
      String windowTo,
      long read,
      long passedOn,
      long inserted,
      long updated,
      long unchanged,
      long skippedOlder,
      Rejects rejected,
      long collapsed,
      long filtered,
      Map<String, FieldFill> fillRates,
      List<String> warnings) {
    this(
        elementId,
        stepType,
        role,
        datasetsIn,
        datasetsOut,
        windowFrom,
        windowTo,
        read,
        passedOn,
        inserted,
        updated,
        unchanged,
        skippedOlder,
        rejected,
        collapsed,
        filtered,
        fillRates,
        warnings,
        null);
  }

  public StepContribution {
    newFieldsSeen = newFieldsSeen == null ? Map.of() : newFieldsSeen;
    datasetsIn = datasetsIn == null ? List.of() : List.copyOf(datasetsIn);
    datasetsOut = datasetsOut == null ? List.of() : List.copyOf(datasetsOut);
    rejected = rejected == null ? Rejects.NONE : rejected;
    fillRates = fillRates == null ? Map.of() : fillRates;
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /**
   * Records written, or found as they were, or kept out as older: a sink's share of what it read.
   */
  long written() {
    return inserted + updated + unchanged + skippedOlder;
  }

  /**
   * Records this step does not account for: read, less all it passed on, wrote, rejected, collapsed
   * and filtered out.
   */
  long lost() {
    return role == Role.UNACCOUNTED_SINK || role == Role.SOURCE || role == Role.DRY_RUN
        ? 0
        : read - passedOn - written() - rejected.count() - collapsed - filtered;
  }
}
