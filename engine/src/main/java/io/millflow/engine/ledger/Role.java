package io.millflow.engine.ledger;

/** What a step attempt is on a path, told from its input and output. */
public enum Role {
  /** Reads records from a system: no dataset in, a dataset out ({@code ReadResult}). */
  SOURCE,
  /** Turns datasets into datasets. */
  TRANSFORM,
  /**
   * Writes datasets to a system and says how ({@code WriteResult}, or a write step's {@code
   * RecordWriteResult}).
   */
  SINK,
  /**
   * Takes datasets and says nothing of what it did with them (sends them somewhere, say): its paths
   * are not checked.
   */
  UNACCOUNTED_SINK,
  /**
   * Read datasets to show what a write would change, and wrote nothing: ends no path, counts in no
   * total.
   */
  DRY_RUN,
  /** Neither reads nor writes datasets. */
  NONE
}
