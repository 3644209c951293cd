package io.millflow.step;

/**
 * How far a step that reads in batches has come: the pages or time windows it has read, out of a
 * total when it knows one ({@code -1} when not). The run page shows it beside the records so far
 * ("window 3 of 12", "page 40").
 */
public record Batches(Unit unit, long done, long total) {

  /** What one batch is. */
  public enum Unit {
    PAGE,
    WINDOW
  }

  public Batches {
    if (unit == null) {
      throw new IllegalArgumentException("A batch count needs its unit");
    }
    if (done < 0 || total < -1) {
      throw new IllegalArgumentException(
          "Batches done must be 0 or more and the total -1 (unknown) or more: "
              + done
              + ", "
              + total);
    }
  }

  /** {@code done} pages read, of an unknown total. */
  public static Batches pages(long done) {
    return new Batches(Unit.PAGE, done, -1);
  }

  /** {@code done} windows read of {@code total}. */
  public static Batches windows(long done, long total) {
    return new Batches(Unit.WINDOW, done, total);
  }
}
