package io.millflow.step;

/**
 * What every write step returns: how many records it inserted, updated, left unchanged (stored as
 * they were), skipped because the stored version is newer ({@code skippedOlder}, the newer-wins
 * rule) and rejected (with why), and how long it took. Every record the step read is in exactly one
 * of these counts.
 */
public record WriteResult(
    String target,
    long inserted,
    long updated,
    long unchanged,
    long skippedOlder,
    Rejects rejected,
    long durationMillis) {

  public WriteResult {
    rejected = rejected == null ? Rejects.NONE : rejected;
  }

  /**
   * A write that rejects nothing and cannot tell older versions from unchanged ones (a file, an
   * append).
   */
  public WriteResult(
      String target, long inserted, long updated, long unchanged, long durationMillis) {
    this(target, inserted, updated, unchanged, 0, Rejects.NONE, durationMillis);
  }

  /** The records the target took or already held: everything but the rejected. */
  public long total() {
    return inserted + updated + unchanged + skippedOlder;
  }

  /** Every record the step read: {@link #total()} and the rejected. */
  public long accounted() {
    return total() + rejected.count();
  }
}
