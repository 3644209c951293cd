package io.millflow.step;

import java.time.Duration;
import java.time.Instant;

/**
 * How an incremental read keeps records committed late at its cursor boundary: it starts at {@code
 * cursor - margin} (the lookback), and the cursor it returns is the newest modification time it saw
 * that is older than {@code now - margin} (the settle margin), where a source's clock may lag or a
 * transaction commit after the time it stamped. A record re-read through the lookback reaches the
 * sinks again, whose newer-wins upserts count it as unchanged in the run's ledger, so it is neither
 * lost nor written twice.
 */
public record BoundaryMargin(Duration margin) {

  /** The default of every read step's {@code boundaryMargin}: five minutes. */
  public static final Duration DEFAULT = Duration.ofMinutes(5);

  /** The text of {@link #DEFAULT} for a {@link Param#defaultValue()}. */
  public static final String DEFAULT_TEXT = "PT5M";

  public BoundaryMargin {
    if (margin == null) {
      margin = DEFAULT;
    }
    if (margin.isNegative()) {
      throw new StepFailure(
          "INVALID_INPUT",
          "boundaryMargin must not be negative, not "
              + margin
              + ": give a duration such as "
              + DEFAULT_TEXT
              + ", or PT0S for none.");
    }
  }

  /** The margin given, or the default when none was. */
  public static BoundaryMargin of(Duration given) {
    return new BoundaryMargin(given);
  }

  /**
   * Where a read from {@code cursor} starts: {@code margin} earlier; null (read from the start)
   * stays null.
   */
  public Instant lookBack(Instant cursor) {
    return cursor == null ? null : cursor.minus(margin);
  }

  /** A tracker of the cursor a read that started at {@code now} may return. */
  public Cursor cursorAt(Instant now) {
    return new Cursor(now.minus(margin));
  }

  /** The newest modification time seen before the settle line. Not thread-safe; one per read. */
  public static final class Cursor {

    private final Instant settleLine;
    private Instant newestSettled;
    private Instant newestSeen;

    private Cursor(Instant settleLine) {
      this.settleLine = settleLine;
    }

    /** One record read, modified at {@code modified} (null: the record carries no such time). */
    public void seen(Instant modified) {
      if (modified == null) {
        return;
      }
      newestSeen = newestSeen == null || modified.isAfter(newestSeen) ? modified : newestSeen;
      if (modified.isBefore(settleLine)
          && (newestSettled == null || modified.isAfter(newestSettled))) {
        newestSettled = modified;
      }
    }

    /**
     * The cursor to return: the newest settled modification time, never behind {@code given} (the
     * cursor the read was given); {@code given} when everything read is too new to settle; null
     * when nothing was read (the committed cursor stays where it is).
     */
    public Instant cursor(Instant given) {
      if (newestSeen == null) {
        return null;
      }
      if (newestSettled == null) {
        return given;
      }
      return given != null && given.isAfter(newestSettled) ? given : newestSettled;
    }

    /** The newest modification time seen, settled or not; null when nothing was read. */
    public Instant newestSeen() {
      return newestSeen;
    }

    public Instant settleLine() {
      return settleLine;
    }
  }
}
