package io.millflow.engine.sync;

import java.time.Instant;

/**
 * What a run's incremental sources read, and what becomes of their cursors. A plain run reads from
 * the committed cursor and commits its own; a backfill reads a past window and commits none; a
 * refresh reads from the start and commits its cursor, though never behind a newer one.
 */
public sealed interface SyncMode {

  /** The stored name of the mode, as the API shows it. */
  String kind();

  /** From the committed cursor to now. */
  record Incremental() implements SyncMode {
    @Override
    public String kind() {
      return "incremental";
    }
  }

  /** Over {@code [from, to)}, whatever the committed cursor. */
  record Backfill(Instant from, Instant to) implements SyncMode {
    @Override
    public String kind() {
      return "backfill";
    }
  }

  /** From the start, as the flow's first run read. */
  record Refresh() implements SyncMode {
    @Override
    public String kind() {
      return "refresh";
    }
  }
}
