package io.millflow.engine.ledger;

import io.millflow.step.FieldFill;
import java.util.List;
import java.util.Map;

/**
 * The ledger of one source-to-sink path of a run, as {@code GET /api/runs/{id}} shows it. It
 * balances when read = inserted + updated + unchanged + skippedOlder + rejected + collapsed +
 * filtered; {@code gap} is read less all of those. {@code updated} also counts the records a system
 * wrote without saying whether it created or updated them (a NetSuite upsert by external id).
 * {@code source} and {@code sink} are the steps' element ids; {@code rejected} counts the records
 * refused along the path (by a transform or by the sink), {@code rejectedBySink} those the sink
 * refused; {@code filtered} those a filter's condition kept out on purpose.
 */
public record PathLedger(
    String source,
    String sink,
    Window window,
    long read,
    long mapped,
    long inserted,
    long updated,
    long unchanged,
    long skippedOlder,
    long rejected,
    Map<String, Long> rejectedReasons,
    List<String> rejectedRecords,
    long rejectedBySink,
    long collapsed,
    long filtered,
    boolean balanced,
    long gap,
    String gapAt,
    boolean checked,
    Map<String, Fill> fillRates,
    List<String> warnings,
    Map<String, Long> newFieldsSeen) {

  /**
   * The cursor window the source read: from the committed cursor (null: from the start) to the new
   * one.
   */
  public record Window(String from, String to) {}

  /** How many of the records (or lines) had a value in a field, and the share. */
  public record Fill(long filled, long total, double rate) {

    static Fill of(FieldFill fill) {
      return new Fill(fill.filled(), fill.total(), Math.round(fill.rate() * 10_000) / 10_000.0);
    }
  }

  /** A sentence naming the path and its gap, for the run's error and events. */
  public String gapText() {
    return "The ledger of "
        + source
        + " → "
        + sink
        + " does not balance: "
        + read
        + " records read, "
        + (read - gap)
        + " accounted for ("
        + (inserted + updated)
        + " written, "
        + unchanged
        + " unchanged, "
        + skippedOlder
        + " older than stored, "
        + rejected
        + " rejected, "
        + collapsed
        + " duplicates collapsed, "
        + filtered
        + " filtered out); "
        + gap
        + " missing"
        + (gapAt == null ? "" : ": " + gapAt)
        + ". The cursor stays where it was.";
  }
}
