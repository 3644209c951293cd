package io.millflow.step;

/**
 * How many of the records (or lines) of a run have a value in one field: {@code filled} of {@code
 * total}.
 */
public record FieldFill(long filled, long total) {

  /** The share filled, 0 to 1; 1 when there was nothing to fill. */
  public double rate() {
    return total == 0 ? 1.0 : (double) filled / total;
  }
}
