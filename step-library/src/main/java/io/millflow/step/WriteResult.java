package io.millflow.step;

/** What every write step returns: how many records it inserted, updated or left unchanged, and how long it took. */
public record WriteResult(String target, long inserted, long updated, long unchanged, long durationMillis) {

  public long total() {
    return inserted + updated + unchanged;
  }
}
